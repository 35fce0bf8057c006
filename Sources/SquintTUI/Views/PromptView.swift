import CNcursesw

/// The prompt line: readline editing; shows a hint when not focused. Returns where the cursor belongs.
enum PromptView {
    @discardableResult
    static func draw(_ state: AppState, on canvas: Canvas) -> Int? {
        canvas.clear()
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
}
