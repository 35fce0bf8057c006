import Imaging
import SquintCore

/// The detections of the selected image: number badge in the label's colour, label, review state.
///
/// The badge's number is the one on the picture's tag, so a row and its box match without relying on colour;
/// the colour is the one the picture draws (the one colour rule, at the terminal's depth). Narrow panes (80×24
/// gives this one 18 columns) show the state as one glyph and leave the rest to the label; the status line
/// shows the selected label in full.
enum DetectionListView {
    /// What one row shows, as text, before any colour: tested at the widths the layout gives.
    struct Row: Equatable {
        var badge: String
        var label: String
        var state: String
    }

    /// Below this inner width the state is a glyph alone ("✓"), above it glyph and word ("✓ accepted").
    static let wordsFromWidth = 30

    /// The glyph, word and colour for a detection's review; a decision on its way to the store shows as saving.
    static func state(of item: StoredDetection, saving: ReviewState?, unicode: Bool = true) -> (String, String, ThemeRole) {
        if saving != nil { return (unicode ? "…" : "*", "saving", .pending) }
        switch item.review {
        case .pending: return (unicode ? "·" : ".", "pending", .pending)
        case .accepted: return (unicode ? "✓" : "+", "accepted", .accepted)
        case .relabelled: return (unicode ? "✎" : "~", "relabelled", .accepted)
        case .rejected: return (unicode ? "✗" : "x", "rejected", .rejected)
        }
    }

    /// Marks a label outside the class list (when there is one), before the label: plain ASCII, one column.
    static let outsideMark = "?"

    /// Row `index` of `count` in a pane `inner` columns wide (inside the border); `outside` marks a label the
    /// class list does not have.
    static func row(_ item: StoredDetection, index: Int, count: Int, inner: Int, saving: ReviewState?, unicode: Bool,
                    outside: Bool = false) -> Row {
        let digits = String(count).count
        let number = String(index + 1)
        let badge = String(repeating: " ", count: max(0, digits - number.count)) + number
        let (mark, word, _) = state(of: item, saving: saving, unicode: unicode)
        let stateText = inner >= wordsFromWidth ? mark + " " + word : mark
        let stateWidth = inner >= wordsFromWidth ? 12 : 1  // "✎ relabelled", the longest, fits whole
        let labelColumns = max(1, inner - stateWidth - digits - 2)  // badge, space, label, space, state
        var label = (outside ? outsideMark : "") + TerminalSafe.text(item.effectiveLabel)
        if DisplayWidth.of(label) > labelColumns {
            label = DisplayWidth.prefix(label, fitting: max(0, labelColumns - 1)) + (unicode ? "…" : "~")
        }
        return Row(badge: badge, label: label, state: stateText)
    }

    /// The pane's title: "Detections (15)", or with a filter "Detections 4/15 ~cup ≥0.50" (the word goes first
    /// when the pane is narrow).
    static func title(_ state: AppState, width: Int) -> String {
        guard !state.detections.isEmpty else { return "Detections" }
        let total = state.detections.count
        guard state.detectionFilter.isActive else {
            // At 80×24 the pane is 20 wide and the title has 14 columns: "Detections 15" fits, with brackets it is cut.
            return "Detections " + (width < 22 ? "\(total)" : "(\(total))")
        }
        let counts = "\(state.visibleDetections.count)/\(total) " + state.detectionFilter.summary(unicode: state.unicodeGlyphs)
        let full = "Detections " + counts
        return DisplayWidth.of(full) <= width - 6 ? full : counts
    }

    static func draw(_ state: AppState, on canvas: Canvas) {
        canvas.clear()
        let focused = state.focus == .detections
        let shown = state.visibleDetections
        let pending = shown.filter { state.isAwaitingReview(state.detections[$0]) }.count
        let summary = state.detections.isEmpty ? "" : "\(pending) pending"
        canvas.frame(title: title(state, width: canvas.width), focused: focused, right: summary)
        let rows = canvas.height - 2, inner = canvas.width - 2
        if state.detections.isEmpty {
            // One line where it fits, else a key per row (18 columns at 80×24): never a hint cut mid-word.
            let keys = ["\(state.keymap.hint(.detect)) detect", "\(state.keymap.hint(.segment)) segment", "\(state.keymap.hint(.points)) points"]
            let line = "none — " + keys.joined(separator: ", ")
            let lines = DisplayWidth.of(line) <= inner - 1 ? [line] : ["none yet:"] + keys.map { "  " + $0 }
            for (row, text) in lines.prefix(rows).enumerated() { canvas.put(2, 1 + row, text, .dim, maxWidth: inner - 1) }
            return
        }
        if shown.isEmpty {
            // 18 columns at 80×24: the keys that bring them back first.
            canvas.put(2, 1, "all hidden (\(state.keymap.hint(.filterDetections)), \(state.keymap.hint(.lowerThreshold)))", .dim, maxWidth: inner - 1)
            return
        }
        let colors = Detection.colors(forLabels: state.detections.map(\.effectiveLabel), terminal: state.terminalColors)
        for row in 0..<rows {
            let position = state.detectionTop + row
            guard position < shown.count else { break }
            let index = shown[position]
            let item = state.detections[index]
            let y = row + 1
            let isSelected = index == state.selectedDetection
            let role: ThemeRole = isSelected ? (focused ? .selection : .selectionInactive) : .text
            canvas.fill(1, y, inner, isSelected ? role : .text)
            let outside = state.isOutsideClasses(item.effectiveLabel)
            let shownRow = Self.row(item, index: index, count: state.detections.count, inner: inner,
                                    saving: state.savingReviews[item.id], unicode: state.unicodeGlyphs, outside: outside)
            let badge = canvas.styles.badge(colors[index])
            canvas.put(1, y, shownRow.badge, attrs: badge.attrs, pair: badge.pair)
            let labelX = 1 + shownRow.badge.count + 1
            if outside {
                canvas.put(labelX, y, Self.outsideMark, isSelected ? role : .pending)
                canvas.put(labelX + 1, y, String(shownRow.label.dropFirst()), isSelected ? role : .dim, maxWidth: max(1, canvas.width - 2 - labelX))
            } else {
                canvas.put(labelX, y, shownRow.label, role, maxWidth: max(1, canvas.width - 1 - labelX))
            }
            let markRole = Self.state(of: item, saving: state.savingReviews[item.id]).2
            let stateWidth = DisplayWidth.of(shownRow.state)
            canvas.put(canvas.width - 1 - stateWidth - 1, y, " " + shownRow.state, isSelected ? role : markRole, maxWidth: stateWidth + 1)
        }
    }
}
