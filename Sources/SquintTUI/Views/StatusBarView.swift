import Foundation
import SquintCore
/// The status line: request state with spinner and elapsed time, the last error or message, and on the right
/// model · graphics mode · tokens · theme.
enum StatusBarView {
    static let spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    static func draw(_ state: AppState, on canvas: Canvas) {
        // A batch's progress outranks a passing message and its own failures (E shows the last one); the label
        // under review still outranks it while the detection list has focus.
        let batch = state.request == nil && selectedLabel(state) == nil ? state.batch : nil
        let errorShown = state.error != nil && state.request == nil && batch == nil
        canvas.clear(errorShown ? .statusError : .status)
        var left = ""
        var role: ThemeRole = .status
        // A label under review or a message that does not fit beside the right-hand facts gets the whole line.
        var inFull = false
        if let batch {
            left = batchText(batch, now: state.now, keymap: state.keymap, columns: max(1, canvas.width - 1))
            role = batch.isRunning ? .statusBusy : .status
        } else if let request = state.request {
            let elapsed = max(0, state.now - request.startedAt)
            let frame = spinner[Int(elapsed * 10) % spinner.count]
            let doing = request.cancelling ? "cancelling" : state.requestProgress ?? Self.verb(request.spec.question.task)
            // In the prompt the first Esc only leaves it, so the hint says the key twice.
            let cancel = state.keymap.hint(.cancel)
            let hint = state.focus == .prompt ? "\(cancel) \(cancel) cancels" : "\(cancel) cancels"
            left = " \(frame) \(doing)… \(String(format: "%.1f", elapsed))s  (\(hint))"
            role = .statusBusy
        } else if let edit = state.boxEdit, state.modal == .none {
            // Editing a box: the keys that do it, and what the arrows move now.
            left = " " + state.boxEditHint(edit)
            inFull = true
        } else if let report = state.errorReport {
            left = errorText(report, hint: state.keymap.hint(.showError), columns: Int.max)
            role = .statusError
        } else if let info = state.info, state.infoIsFresh, selectedLabel(state) != nil {
            // What the last key said ("no class list", "no ground truth") is what the person waits to read.
            left = " " + info
            inFull = true
        } else if let selected = selectedLabel(state) {
            // While reviewing, the label under review outranks an older message ("15 found — a accept, …").
            left = " " + selected
            inFull = true
        } else if let info = state.info {
            left = " " + info
            inFull = true
        } else {
            left = " \(state.keymap.hint(.help)) help · \(state.keymap.hint(.quit)) quit"
        }
        var right: [String] = [state.model, state.graphicsMode]
        if let usage = state.usage { right.append("\(usage.promptTokens ?? 0)+\(usage.candidatesTokens ?? 0) tok") }
        else if let estimate = tokenEstimate(state) { right.append("~\(estimate) tok") }
        right.append(state.themeName)
        let rightText = right.joined(separator: " · ") + " "
        var rightWidth = DisplayWidth.of(rightText)
        var leftWidth = max(1, canvas.width - rightWidth - 1)
        // The selected label is what the line is for while reviewing: the right-hand facts give way to it.
        // The selected label is what the line is for while reviewing, a message too long to share it, the progress
        // while a batch runs: the right-hand facts give way to them.
        var showRight = canvas.width > rightWidth + 20 && !(inFull && DisplayWidth.of(left) > leftWidth) && batch == nil
        if errorShown, let report = state.errorReport, DisplayWidth.of(left) > leftWidth {
            // An error that does not fit beside model · mode · theme gets the whole line: what failed and the
            // key for the details matter more than what is always there.
            showRight = false
            leftWidth = canvas.width
            left = errorText(report, hint: state.keymap.hint(.showError), columns: leftWidth)
        } else if !showRight {
            rightWidth = 0
            leftWidth = max(1, canvas.width - 1)
        }
        canvas.put(0, 0, DisplayWidth.fit(TerminalSafe.text(left), columns: leftWidth), role)
        if showRight { canvas.put(canvas.width - rightWidth, 0, rightText, errorShown ? .statusError : .status) }
    }

    /// ` ✗ ask failed: 503 The model is overloaded — E for details`, in `columns`: the action and the key always
    /// stay, the reason is cut at a word; on a very narrow line the hint shortens, then the reason goes.
    static func errorText(_ report: ErrorReport, hint: String, columns: Int) -> String {
        let head = " ✗ " + (report.action.map { TerminalSafe.text($0) + ": " } ?? "")
        let reason = TerminalSafe.text(report.reason)
        let shorter = shortenings(of: reason)
        for tail in [" — \(hint) for details", " — \(hint)"] {
            let room = columns == Int.max ? Int.max : columns - DisplayWidth.of(head) - DisplayWidth.of(tail)
            if room == Int.max { return head + reason + tail }
            if let whole = shorter.first(where: { DisplayWidth.of($0) <= room }) { return head + whole + tail }
            if room >= min(8, DisplayWidth.of(reason)) { return head + WordFit.fit(shorter.last ?? reason, columns: room) + tail }
        }
        let bare = " ✗ " + (report.action.map { TerminalSafe.text($0) } ?? WordFit.fit(reason, columns: max(1, columns - 8)))
        return bare + " — \(hint)"
    }

    /// The reason, then ways to say it shorter without losing what to do: without the parenthesised asides
    /// ("(503 UNAVAILABLE)", "(export GEMINI_API_KEY=…)"), then only its first and last clauses (what went wrong;
    /// what to do about it).
    static func shortenings(of reason: String) -> [String] {
        var candidates = [reason]
        var plain = ""
        var depth = 0
        for c in reason {
            if c == "(" { depth += 1; continue }
            if c == ")", depth > 0 { depth -= 1; continue }
            if depth == 0 { plain.append(c) }
        }
        plain = plain.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            .replacingOccurrences(of: " ;", with: ";").replacingOccurrences(of: " :", with: ":")
        if depth == 0, !plain.isEmpty, plain != reason { candidates.append(plain) }
        let clauses = (candidates.last ?? reason).components(separatedBy: "; ")
        if clauses.count > 2 { candidates.append(clauses[0] + "; " + clauses[clauses.count - 1]) }
        return candidates
    }

    /// The detection under review in full (the list cuts long labels at 80×24): "3/15 white frosting with
    /// colourful sprinkles · relabelled (was cupcake)". Shown while the list has focus or the picture is zoomed.
    static func selectedLabel(_ state: AppState) -> String? {
        guard state.focus == .detections || state.zoomed, let index = state.selectedDetection,
              state.detections.indices.contains(index) else { return nil }
        let item = state.detections[index]
        let word = DetectionListView.state(of: item, saving: state.savingReviews[item.id]).1
        var text = "\(index + 1)/\(state.detections.count) \(TerminalSafe.text(item.effectiveLabel)) · \(word)"
        if item.review.newLabel != nil { text += " (was \(TerminalSafe.text(item.detection.label)))" }
        if state.isOutsideClasses(item.effectiveLabel) { text += " · not a class" }
        if item.editedBox != nil { text += " · box edited" }
        if item.isAddedByPerson { text += " · added" }
        if let score = item.detection.score { text += String(format: " · score %.2f", score) }
        return text
    }

    static func verb(_ task: AskTask) -> String {
        switch task {
        case .question: "asking"
        case .caption: "captioning"
        case .detect: "detecting"
        case .segment: "segmenting"
        case .point: "pointing"
        }
    }

    /// A rough input-token estimate for the next question: ~258 tokens per image plus a token per 4 characters.
    static func tokenEstimate(_ state: AppState) -> Int? {
        guard state.focus == .prompt, !state.prompt.isEmpty else { return nil }
        let images = max(1, state.marked.count)
        return images * 258 + state.prompt.text.utf8.count / 4 + 1
    }
}
