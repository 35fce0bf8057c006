import SquintCore
/// The detections of the selected image: colour swatch, label, review state.
enum DetectionListView {
    /// The glyph, word and colour for a detection's review; a decision on its way to the store shows as saving.
    static func state(of item: StoredDetection, saving: ReviewState?) -> (String, String, ThemeRole) {
        if saving != nil { return ("…", "saving", .pending) }
        switch item.review {
        case .pending: return ("?", "pending", .pending)
        case .accepted: return ("✓", "accepted", .accepted)
        case .relabelled: return ("✎", "relabelled", .accepted)
        case .rejected: return ("✗", "rejected", .rejected)
        }
    }

    static func draw(_ state: AppState, on canvas: Canvas) {
        canvas.clear()
        let focused = state.focus == .detections
        let pending = state.detections.filter { state.isAwaitingReview($0) }.count
        let summary = state.detections.isEmpty ? "" : "\(pending) pending"
        canvas.frame(title: "Detections \(state.detections.isEmpty ? "" : "(\(state.detections.count))")", focused: focused, right: summary)
        let rows = canvas.height - 2, inner = canvas.width - 2
        if state.detections.isEmpty {
            canvas.put(2, 1, "none — \(state.keymap.hint(.detect)) detect, \(state.keymap.hint(.segment)) segment, \(state.keymap.hint(.points)) points", .dim, maxWidth: inner - 1)
            return
        }
        let colors = Detection.colors(forLabels: state.detections.map(\.effectiveLabel))
        for row in 0..<rows {
            let index = state.detectionTop + row
            guard index < state.detections.count else { break }
            let item = state.detections[index]
            let y = row + 1
            let isSelected = index == state.selectedDetection
            let role: ThemeRole = isSelected ? (focused ? .selection : .selectionInactive) : .text
            canvas.fill(1, y, inner, isSelected ? role : .text)
            let swatch = canvas.styles.detection(colors[index], selected: false)
            canvas.put(2, y, "■", attrs: swatch.attrs, pair: swatch.pair)
            let (mark, word, markRole) = Self.state(of: item, saving: state.savingReviews[item.id])
            // " ✎ relabelled", the longest state, fits whole.
            let stateWidth = 13
            canvas.put(4, y, DisplayWidth.fit(TerminalSafe.text(item.effectiveLabel), columns: max(1, inner - 4 - stateWidth)), role)
            canvas.put(canvas.width - 1 - stateWidth, y, " " + mark + " " + word, isSelected ? role : markRole, maxWidth: stateWidth)
        }
    }
}
