/// The question and the (streaming) answer, Markdown-lite rendered and wrapped, scrollable.
enum AnswerView {
    static func draw(_ state: AppState, on canvas: Canvas, lines: [StyledLine]) {
        canvas.clear()
        let shown = state.shownAnswer
        let rows = canvas.height - 2
        let total = lines.count
        let top = visibleTop(state: state, total: total, rows: rows)
        let scrollInfo = total > rows ? "\(min(total, top + rows))/\(total)" : ""
        canvas.frame(title: shown.streaming ? "Answer (streaming)" : "Answer", focused: state.focus == .answer, right: scrollInfo)
        if shown.text.isEmpty && shown.question.isEmpty {
            guard state.selectedImage != nil else {
                canvas.put(2, 1, "select an image", .dim, maxWidth: canvas.width - 3)
                return
            }
            let keys = state.keymap
            let items = ["\(keys.hint(.focusPrompt)) ask", "\(keys.hint(.caption)) caption", "\(keys.hint(.detect)) detect",
                         "\(keys.hint(.segment)) segment", "\(keys.hint(.points)) points", "\(keys.hint(.help)) help"]
            for (row, line) in hintLines(items, width: canvas.width - 3).prefix(rows).enumerated() {
                canvas.put(2, 1 + row, line, .dim, maxWidth: canvas.width - 3)
            }
            return
        }
        for row in 0..<rows {
            let index = top + row
            guard index < total else { break }
            var x = 1
            for span in lines[index].spans {
                canvas.put(x, row + 1, span.text, role(span.style), maxWidth: canvas.width - 1 - x)
                x += DisplayWidth.of(span.text)
            }
        }
    }

    /// `items` joined by " · ", broken between items so that no line is wider than `width`.
    static func hintLines(_ items: [String], width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for item in items {
            if current.isEmpty {
                current = item
            } else if DisplayWidth.of(current) + 3 + DisplayWidth.of(item) <= width {
                current += " · " + item
            } else {
                lines.append(current)
                current = item
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The lines to show: the question as a heading, a blank line, then the answer.
    static func lines(for state: AppState, width: Int) -> [StyledLine] {
        let shown = state.shownAnswer
        guard !shown.question.isEmpty || !shown.text.isEmpty else { return [] }
        var lines = MarkdownLite.wrap([Span("› " + TerminalSafe.text(shown.question), .heading)], width: width, firstPrefix: [], restIndent: 2)
        lines.append(StyledLine())
        lines += MarkdownLite.render(TerminalSafe.text(shown.text, keepNewlines: true), width: width)
        return lines
    }

    static func visibleTop(state: AppState, total: Int, rows: Int) -> Int {
        let maxTop = max(0, total - rows)
        guard let scroll = state.answerScroll else { return maxTop }
        return min(scroll, maxTop)
    }

    static func role(_ style: TextStyle) -> ThemeRole {
        switch style {
        case .plain: return .text
        case .bold: return .bold
        case .code: return .code
        case .heading: return .heading
        case .bullet: return .bullet
        case .quote: return .quote
        case .dim: return .dim
        }
    }
}
