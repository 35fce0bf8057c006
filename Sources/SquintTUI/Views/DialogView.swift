import SquintCore
import TerminalGraphics
/// Small centred dialogs: quit confirmation, export format, relabel, full error text, a large batch's y/n.
enum DialogView {
    /// The size a dialog needs on a screen this big.
    static func size(for modal: AppState.Modal, state: AppState, screen: CellSize) -> (width: Int, height: Int) {
        let width = min(screen.columns - 4, 64)
        switch modal {
        case .errorDetail:
            return (width, min(screen.rows - 4, errorLines(state, width: width - 4).count + 2))
        case .truthComparison:
            return (width, min(screen.rows - 4, (state.truthComparison?.lines.count ?? 1) + 2))
        case .export, .confirmOverwrite:
            return (width, 7)
        case .confirmBatch:
            return (width, 6)
        default:
            return (width, 5)
        }
    }

    /// The `E` dialog's text wrapped at words in `width` columns: what failed and the whole message, a blank
    /// line, then the facts (server message, HTTP status, attempts, model), continuation lines indented.
    /// Sanitised first, so a server's escape sequences never reach the terminal and never count as width.
    static func errorLines(_ state: AppState, width: Int) -> [String] {
        guard let report = state.errorReport else { return [] }
        let width = max(10, width)
        return report.dialogLines.flatMap { raw -> [String] in
            let line = TerminalSafe.text(raw)
            if line.isEmpty { return [""] }
            let indent = report.details.contains { raw.hasPrefix($0.label + ": ") } ? 2 : 0
            return MarkdownLite.wrap([Span(line, .plain)], width: width, firstPrefix: [], restIndent: indent).map(\.text)
        }
    }

    /// Draws the dialog; returns the cursor column for the relabel field.
    @discardableResult
    static func draw(_ state: AppState, on canvas: Canvas) -> Int? {
        canvas.clear(.dialog)
        switch state.modal {
        case .confirmQuit:
            canvas.frame(title: "Quit?", focused: true)
            if state.request == nil, let batch = state.batch, let progress = batch.progress {
                canvas.put(2, 2, "A batch is running (\(progress.finished)/\(progress.total) done, kept). Quit anyway? (y/n)", .dialog,
                           maxWidth: canvas.width - 4)
            } else {
                canvas.put(2, 2, "A request is running. Quit anyway? (y/n)", .dialog)
            }
        case .confirmBatch:
            canvas.frame(title: "Run over many images?", focused: true)
            let text = TerminalSafe.text(state.batch?.confirmation ?? "")
            let lines = MarkdownLite.wrap([Span(text, .plain)], width: max(10, canvas.width - 4), firstPrefix: [], restIndent: 0).map(\.text)
            for (i, line) in lines.prefix(max(1, canvas.height - 4)).enumerated() { canvas.put(2, i + 1, line, .dialog) }
            canvas.put(2, canvas.height - 2, "y runs it · any other key cancels · esc stops it later", .dialog, maxWidth: canvas.width - 4)
        case .export(let acceptedOnly):
            canvas.frame(title: "Export detections", focused: true)
            let choices = ExportFormat.allCases.map { "\($0.key) \($0.rawValue.uppercased())" }.joined(separator: " · ")
            canvas.put(2, 1, choices + " · esc cancel", .dialog, maxWidth: canvas.width - 4)
            let scope = acceptedOnly ? "[a] accepted only (toggle: all but rejected)" : "[a] all but rejected (toggle: accepted only)"
            canvas.put(2, 2, scope, .dialog, maxWidth: canvas.width - 4)
            canvas.put(2, 3, "into " + TerminalSafe.text(state.folder), .dialog, maxWidth: canvas.width - 4)
            canvas.put(2, 4, "as squint-annotations.json(l), squint-yolo/ or squint-voc/", .dialog, maxWidth: canvas.width - 4)
        case .confirmOverwrite(let request, let existing):
            canvas.frame(title: "Replace existing export?", focused: true)
            canvas.put(2, 1, DisplayWidth.fit(TerminalSafe.text(request.destination), columns: canvas.width - 4), .dialog)
            canvas.put(2, 2, "\(existing.count) file\(existing.count == 1 ? "" : "s") there will be replaced.", .dialog, maxWidth: canvas.width - 4)
            canvas.put(2, 4, "y replace · any other key cancels", .dialog, maxWidth: canvas.width - 4)
        case .relabel(let editor):
            canvas.frame(title: state.classes.isEmpty ? "Relabel (enter saves, esc cancels)" : "Relabel (tab: next class, enter saves, esc cancels)", focused: true)
            return line(editor, on: canvas)
        case .newBoxLabel(let editor):
            canvas.frame(title: state.classes.isEmpty ? "Label of the new box (enter adds it)" : "Label of the new box (tab: next class, enter adds it)", focused: true)
            return line(editor, on: canvas)
        case .filterDetections(let editor):
            canvas.frame(title: "Filter detections by label (enter keeps, esc clears)", focused: true)
            return line(editor, on: canvas)
        case .target(let task, let editor):
            canvas.frame(title: "\(task.rawValue) what? (enter alone: \(TaskPrompt.defaultSubject(task)), esc cancels)", focused: true)
            let (text, cursor) = editor.visible(columns: canvas.width - 6)
            canvas.put(2, 2, "› ", .promptLabel)
            canvas.put(4, 2, text, .prompt)
            return 4 + cursor
        case .errorDetail:
            canvas.frame(title: "Error — any key closes", focused: true)
            var lines = errorLines(state, width: canvas.width - 4)
            if lines.count > canvas.height - 2 {
                lines = Array(lines.prefix(max(0, canvas.height - 3))) + ["…"]
            }
            for (i, line) in lines.enumerated() { canvas.put(2, i + 1, line, .dialog) }
        case .truthComparison:
            canvas.frame(title: "Ground truth — T next set, any key closes", focused: true)
            var lines = (state.truthComparison?.lines ?? []).map { TerminalSafe.text($0) }
            if lines.count > canvas.height - 2 { lines = Array(lines.prefix(max(0, canvas.height - 3))) + ["…"] }
            for (i, line) in lines.enumerated() { canvas.put(2, i + 1, String(line.prefix(canvas.width - 4)), .dialog) }
        case .help, .none, .classPicker:
            break
        }
        return nil
    }

    /// A one-line field in the dialog's middle row; returns the cursor column.
    static func line(_ editor: LineEditor, on canvas: Canvas) -> Int {
        let (text, cursor) = editor.visible(columns: canvas.width - 6)
        canvas.put(2, 2, "› ", .promptLabel)
        // A selected prefill looks selected: typing replaces it.
        canvas.put(4, 2, text, editor.isSelected ? .selection : .prompt)
        return 4 + cursor
    }
}
