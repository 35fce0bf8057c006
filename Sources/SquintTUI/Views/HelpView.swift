/// The `?` screen: every command with its keys, generated from the keymap itself.
enum HelpView {
    static func draw(_ state: AppState, on canvas: Canvas, scroll: Int) {
        canvas.clear(.dialog)
        canvas.frame(title: "Keys — any other key closes", focused: true, right: "j/k scroll")
        let rows = state.keymap.helpRows
        let keyWidth = min(22, (rows.map { DisplayWidth.of($0.keys) }.max() ?? 8) + 2)
        let extra = [("mouse", "click selects a file or detection; wheel scrolls"),
                     ("prompt", "←/→ home/end ctrl-a/e/w/u/k edit · ↑/↓ history · enter asks")]
        let all = rows.map { ($0.keys, $0.summary) } + extra
        let visible = canvas.height - 2
        let top = min(scroll, max(0, all.count - visible))
        for i in 0..<visible {
            let index = top + i
            guard index < all.count else { break }
            canvas.put(2, i + 1, all[index].0, .helpKey, maxWidth: keyWidth)
            canvas.put(2 + keyWidth, i + 1, all[index].1, .dialog, maxWidth: canvas.width - keyWidth - 4)
        }
    }
}
