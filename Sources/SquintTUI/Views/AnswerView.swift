import SquintCore

/// The question and the (streaming) answer, scrollable: captions and questions as Markdown-lite, spatial
/// answers as progress while they stream and as a summary once they end (the raw-answer key shows the JSON,
/// masks abbreviated).
enum AnswerView {
    static func draw(_ state: AppState, on canvas: Canvas, lines: [StyledLine]) {
        canvas.clear()
        let streaming = state.request != nil && state.request?.image == state.answerImage
        let rows = canvas.height - 2
        let total = lines.count
        let top = visibleTop(state: state, total: total, rows: rows)
        let scrollInfo = total > rows ? "\(min(total, top + rows))/\(total)" : ""
        let raw = state.showRawAnswer && state.shownTaskIsSpatial ? " (raw)" : ""
        canvas.frame(title: (streaming ? "Answer (streaming)" : "Answer") + raw, focused: state.focus == .answer, right: scrollInfo)
        if lines.isEmpty {
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
        lines(AnswerContent.build(state).0, width: width, rawKey: state.keymap.hint(.toggleRaw))
    }

    /// The lines for `content` at `width`: a pure function of its inputs, so it may run off the curses thread.
    static func lines(_ content: AnswerContent, width: Int, rawKey: String) -> [StyledLine] {
        let width = max(4, width)
        func heading(_ question: String) -> [StyledLine] {
            MarkdownLite.wrap([Span("› " + TerminalSafe.text(question), .heading)], width: width, firstPrefix: [], restIndent: 2) + [StyledLine()]
        }
        func paragraph(_ text: String, _ style: TextStyle = .plain, indent: Int = 2) -> [StyledLine] {
            MarkdownLite.wrap([Span(TerminalSafe.text(text), style)], width: width, firstPrefix: [], restIndent: indent)
        }
        func note(_ text: String?) -> [StyledLine] {
            guard let text else { return [] }
            return [StyledLine()] + paragraph(text, .dim)
        }
        switch content {
        case .empty:
            return []
        case .markdown(let earlier, let question, let text, let incomplete):
            // The thread reads top to bottom: each earlier question over its answer, the latest last.
            let thread = earlier.flatMap { exchange in
                heading(exchange.question) + MarkdownLite.render(TerminalSafe.text(exchange.answer.trimmingCharacters(in: .whitespacesAndNewlines), keepNewlines: true),
                                                               width: width) + [StyledLine()]
            }
            return thread + heading(question) + MarkdownLite.render(TerminalSafe.text(text, keepNewlines: true), width: width) + note(incomplete)
        case .raw(let question, let text, let incomplete):
            var lines = heading(question) + paragraph("raw answer, masks abbreviated · \(rawKey) shows the summary", .dim)
            lines.append(StyledLine())
            let readable = TerminalSafe.text(RawAnswerText.abbreviatingMasks(text), keepNewlines: true)
            for line in readable.split(separator: "\n", omittingEmptySubsequences: false) {
                lines += MarkdownLite.hardWrap(String(line), style: .code, width: width)
            }
            return lines + note(incomplete)
        case .progress(let question, let task, let labels, let unusable, let bytes):
            var lines = heading(question)
            let verb = task == .segment ? "segmenting…" : task == .point ? "pointing…" : "detecting…"
            if labels.isEmpty {
                lines += paragraph(verb + " waiting for the first object", .bold)
            } else {
                let (names, counts) = SpatialSummary.tally(labels)
                lines += MarkdownLite.wrap([Span(verb + " " + SpatialSummary.objects(labels.count, task) + ": ", .bold),
                                            Span(TerminalSafe.text(SpatialSummary.labelList(names, counts)))],
                                           width: width, firstPrefix: [], restIndent: 2)
            }
            if unusable > 0 { lines += paragraph("\(unusable) item\(unusable == 1 ? "" : "s") could not be read", .dim) }
            lines += paragraph("\(RawAnswerText.byteSize(bytes)) received · \(rawKey) shows the raw answer", .dim)
            return lines
        case .summary(let question, let summary):
            return heading(question) + summaryLines(summary, width: width, rawKey: rawKey, paragraph: paragraph)
        }
    }

    /// `15 objects: 3 × jar, …`, masks and review counts, then the notes.
    static func summaryLines(_ summary: SpatialSummary, width: Int, rawKey: String,
                             paragraph: (String, TextStyle, Int) -> [StyledLine]) -> [StyledLine] {
        var lines: [StyledLine] = []
        if summary.total == 0 {
            lines += paragraph("nothing found", .bold, 2)
        } else if summary.labels.isEmpty {
            lines += paragraph(SpatialSummary.objects(summary.total, summary.task), .bold, 2)
        } else {
            lines += MarkdownLite.wrap([Span(SpatialSummary.objects(summary.total, summary.task) + ": ", .bold),
                                        Span(TerminalSafe.text(SpatialSummary.labelList(summary.labels, summary.counts)))],
                                       width: width, firstPrefix: [], restIndent: 2)
        }
        if summary.task == .segment && summary.total > 0 {
            let missing = summary.total - summary.masks
            lines += paragraph("masks: \(summary.masks) of \(summary.total)" + (missing > 0 ? " (\(missing) missing)" : ""), missing > 0 ? .bold : .plain, 2)
        }
        let reviewed = [(summary.accepted, "accepted"), (summary.relabelled, "relabelled"), (summary.rejected, "rejected")].filter { $0.0 > 0 }
        if !reviewed.isEmpty {
            lines += paragraph("review: " + (reviewed + [(summary.pending, "pending")]).map { "\($0.0) \($0.1)" }.joined(separator: " · "), .plain, 2)
        }
        if let incomplete = summary.incomplete {
            lines.append(StyledLine())
            lines += paragraph("incomplete: " + incomplete, .bold, 2)
        }
        if !summary.warnings.isEmpty {
            lines.append(StyledLine())
            let shown = summary.warnings.prefix(maximumWarnings)
            for warning in shown {
                lines += MarkdownLite.wrap([Span(TerminalSafe.text(warning))], width: width, firstPrefix: [Span("• ", .bullet)], restIndent: 2)
            }
            if summary.warnings.count > shown.count {
                lines += paragraph("… and \(summary.warnings.count - shown.count) more notes", .dim, 2)
            }
        }
        lines.append(StyledLine())
        lines += paragraph("\(rawKey) shows the raw answer (\(RawAnswerText.byteSize(summary.textBytes)))", .dim, 2)
        return lines
    }

    /// What the pane shows while a long answer is laid out in the background: the heading and its size.
    static func placeholder(_ content: AnswerContent, width: Int) -> [StyledLine] {
        let question: String
        switch content {
        case .markdown(_, let q, _, _), .raw(let q, _, _), .progress(let q, _, _, _, _), .summary(let q, _): question = q
        case .empty: return []
        }
        return MarkdownLite.wrap([Span("› " + TerminalSafe.text(question), .heading)], width: width, firstPrefix: [], restIndent: 2)
            + [StyledLine(), StyledLine([Span("laying out the answer (\(RawAnswerText.byteSize(content.layoutCost)))…", .dim)])]
    }

    /// Notes listed under a summary; the rest are counted (the raw answer shows what they are about).
    static let maximumWarnings = 8

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
