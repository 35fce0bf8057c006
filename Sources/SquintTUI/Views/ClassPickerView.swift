import TerminalGraphics

/// `C`: the class list in a dialog, narrowed as the person types; ↑/↓ move, Enter sets the highlighted class.
/// The first nine show their digit, the key that sets them without the picker.
enum ClassPickerView {
    /// The rows of classes a dialog of `height` shows, scrolled so the highlighted one is in them.
    static func window(count: Int, selected: Int, rows: Int) -> Range<Int> {
        guard count > rows, rows > 0 else { return 0..<count }
        let top = min(max(0, selected - rows / 2), count - rows)
        return top..<(top + rows)
    }

    static func size(_ state: AppState, screen: CellSize) -> (width: Int, height: Int) {
        let width = min(screen.columns - 4, 48)
        // Frame, the typed line, a blank, the classes.
        return (width, min(screen.rows - 4, state.classes.count + 4))
    }

    /// Draws the picker; returns the cursor column of the typed line.
    static func draw(_ state: AppState, on canvas: Canvas) -> Int? {
        guard case .classPicker(let editor, let selected) = state.modal else { return nil }
        canvas.clear(.dialog)
        let matches = AppState.pickerMatches(state.classes, typed: editor.text)
        canvas.frame(title: "Class: type to filter, enter sets", focused: true, right: "\(matches.count)/\(state.classes.count)")
        // The typed line is drawn last: the cursor goes on the row written last.
        defer {
            canvas.put(2, 1, "› ", .promptLabel)
            canvas.put(4, 1, editor.visible(columns: canvas.width - 6).text, .prompt)
        }
        let cursor = editor.visible(columns: canvas.width - 6).cursorColumn
        let rows = max(0, canvas.height - 4)
        if matches.isEmpty {
            canvas.put(2, 3, "no class contains that", .dim)
            return 4 + cursor
        }
        for (row, index) in window(count: matches.count, selected: selected, rows: rows).enumerated() {
            let name = matches[index]
            let digit = state.classes.firstIndex(of: name).flatMap { $0 < 9 ? String($0 + 1) : nil } ?? " "
            let y = 3 + row
            let isSelected = index == selected
            canvas.fill(1, y, canvas.width - 2, isSelected ? .selection : .dialog)
            canvas.put(2, y, digit, isSelected ? .selection : .helpKey)
            canvas.put(4, y, TerminalSafe.text(name), isSelected ? .selection : .dialog, maxWidth: canvas.width - 6)
        }
        return 4 + cursor
    }
}
