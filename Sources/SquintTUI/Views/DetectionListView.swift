/// The detections of the selected image: colour swatch, label, review state.
enum DetectionListView {
    static func draw(_ state: AppState, on canvas: Canvas) {
        canvas.clear()
        let focused = state.focus == .detections
        let pending = state.detections.filter { $0.review == .pending }.count
        let summary = state.detections.isEmpty ? "" : "\(pending) pending"
        canvas.frame(title: "Detections \(state.detections.isEmpty ? "" : "(\(state.detections.count))")", focused: focused, right: summary)
        let rows = canvas.height - 2, inner = canvas.width - 2
        if state.detections.isEmpty {
            canvas.put(2, 1, "none — \(state.keymap.hint(.detect)) detect, \(state.keymap.hint(.segment)) segment, \(state.keymap.hint(.points)) points", .dim, maxWidth: inner - 1)
            return
        }
        for row in 0..<rows {
            let index = state.detectionTop + row
            guard index < state.detections.count else { break }
            let item = state.detections[index]
            let y = row + 1
            let isSelected = index == state.selectedDetection
            let role: ThemeRole = isSelected ? (focused ? .selection : .selectionInactive) : .text
            canvas.fill(1, y, inner, isSelected ? role : .text)
            let swatch = canvas.styles.detection(index, selected: false)
            canvas.put(2, y, "■", attrs: swatch.attrs, pair: swatch.pair)
            let (mark, markRole): (String, ThemeRole) = {
                switch item.review {
                case .pending: return ("?", .pending)
                case .accepted: return ("✓", .accepted)
                case .rejected: return ("✗", .rejected)
                }
            }()
            let stateWidth = 9
            canvas.put(4, y, DisplayWidth.fit(TerminalSafe.text(item.label), columns: max(1, inner - 4 - stateWidth)), role)
            canvas.put(canvas.width - 1 - stateWidth, y, " " + mark + " " + item.review.rawValue, isSelected ? role : markRole, maxWidth: stateWidth)
        }
    }
}
