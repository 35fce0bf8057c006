import CNcursesw

/// The prompt line: readline editing; shows a hint when not focused. Returns where the cursor belongs.
enum PromptView {
    @discardableResult
    static func draw(_ state: AppState, on canvas: Canvas) -> Int? {
        canvas.clear()
        if state.focus == .filter { return drawFilter(state, on: canvas) }
        let focused = state.focus == .prompt
        let label = state.marked.isEmpty ? "ask› " : "ask \(state.marked.count)› "
        canvas.put(0, 0, label, focused ? .promptLabel : .dim)
        let x = DisplayWidth.of(label)
        let field = canvas.width - x - 1
        if state.prompt.isEmpty && !focused {
            canvas.put(x, 0, "\(state.keymap.hint(.focusPrompt)) to type a question · \(state.keymap.hint(.help)) for keys", .dim)
            return nil
        }
        let (text, cursor) = state.prompt.visible(columns: field)
        canvas.put(x, 0, text, .prompt)
        return focused ? x + cursor : nil
    }

    /// `filter› jp▏ 3/7 · Enter keep · Esc clear` while the filter is typed: the needle with the cursor, how many
    /// entries it leaves of how many, and the two ways out.
    static func filterLine(_ state: AppState) -> (label: String, status: String) {
        let count = state.entries.isEmpty ? "" : "\(state.visible.count)/\(state.entries.count) · "
        return ("filter› ", " " + count + "Enter keep · Esc clear")
    }

    private static func drawFilter(_ state: AppState, on canvas: Canvas) -> Int {
        let (label, status) = filterLine(state)
        canvas.put(0, 0, label, .promptLabel)
        let x = DisplayWidth.of(label)
        let statusWidth = DisplayWidth.of(status)
        let field = max(4, canvas.width - x - 1 - (canvas.width - x > statusWidth + 12 ? statusWidth : 0))
        let (text, cursor) = state.filter.visible(columns: field)
        canvas.put(x, 0, text, .prompt)
        let after = x + max(DisplayWidth.of(text), cursor + 1)
        if after + statusWidth <= canvas.width { canvas.put(after, 0, status, state.visible.isEmpty ? .rejected : .dim) }
        return x + cursor
    }
}
