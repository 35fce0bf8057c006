import TerminalGraphics

/// The `?` screen: the keymap's commands grouped by task with the list marks' legend (`HelpSheet`); it scrolls
/// only when the terminal is smaller than 80×24.
enum HelpView {
    /// The overlay's size on a screen this big: 76×22 on 80×24.
    static func size(for screen: CellSize) -> (width: Int, height: Int) {
        (min(screen.columns - 2, 76), screen.rows - 2)
    }

    static func draw(_ state: AppState, on canvas: Canvas, scroll: Int) {
        canvas.clear(.dialog)
        let sheet = HelpSheet.layout(state.keymap, width: canvas.width, classes: state.classes)
        let visible = max(0, canvas.height - 2)
        let scrolls = sheet.rows.count > visible
        canvas.frame(title: HelpSheet.title, focused: true, right: scrolls ? "j/k scroll" : "")
        let top = min(scroll, max(0, sheet.rows.count - visible))
        for i in 0..<visible {
            let index = top + i
            guard index < sheet.rows.count else { break }
            for cell in sheet.rows[index] { canvas.put(cell.x, i + 1, cell.text, cell.role) }
        }
        var x = 2
        for piece in HelpSheet.legend where x < canvas.width - 14 {
            canvas.put(x, canvas.height - 1, piece.text, piece.role)
            x += DisplayWidth.of(piece.text)
        }
    }
}
