import SquintCore
extension AppState {
    /// The pure transition: the new state and the effects the loop must run.
    public static func update(_ state: AppState, _ event: AppEvent) -> (AppState, [Effect]) {
        var next = state
        let effects = next.apply(event)
        return (next, effects)
    }

    /// Applies one event in place; the body of `update`.
    public mutating func apply(_ event: AppEvent) -> [Effect] {
        switch event {
        case .key(let key):
            return handleKey(key)
        case .mouse(let mouse):
            return handleMouse(mouse)
        case .resize(let newSize):
            size = newSize
            clampList()
            return [.repaintAll]
        case .tick(let seconds):
            now = seconds
            return []
        case .folderLoaded(let path, let list):
            return folderLoaded(path: path, list: list)
        case .folderDetails(let path, let sizes, let marks):
            folderDetails(path: path, sizes: sizes, marks: marks)
            return []
        case .folderFailed(let path, let message):
            guard path == folder else { return [] }
            loadingFolder = false
            report(error: "cannot open \(path): \(message)")
            return []
        case .recordLoaded(let image, let answer, let found):
            guard image == answerImage else { return [] }
            storedAnswer = answer
            detections = StoredDetection.inReviewOrder(found)
            savingReviews = [:]
            savingEdits = [:]
            boxEdit = nil
            selectedDetection = detections.isEmpty ? nil : 0
            detectionTop = 0
            reselectVisible()
            answerScroll = 0
            if let provisional = provisionalDetections() {
                // Back on the image whose spatial answer is streaming: its boxes so far, not the stored ones.
                detections = provisional
                selectedDetection = nil
                answerScroll = nil
            }
            thread = nil
            var effects: [Effect] = detections.isEmpty ? [] : [.redrawPicture]
            if let id = answer?.conversationID { effects.append(.loadThread(image: image, conversation: id)) }
            return effects
        case .truthCompared(let image, let comparison):
            guard image == answerImage ?? selectedImage else { return [] }
            guard let comparison else {
                info = "no ground truth for this image (squint import … --as truth adds it)"
                return []
            }
            truthComparison = comparison
            modal = .truthComparison
            return []
        case .threadLoaded(let image, let id, let turns):
            guard image == answerImage else { return [] }
            thread = ConversationThread(image: image, id: id, turns: turns)
            return []
        case .previewFailed(let image, let message):
            guard image == selectedImage else { return [] }
            previewError = message
            return []
        case .answerDelta(let id, let text):
            return appendAnswer(id: id, text: text)
        case .answerLaidOut(let lines):
            answerLineCount = lines
            return []
        case .answerUsage(let id, let tokens):
            guard request?.spec.id == id else { return [] }
            usage = tokens
            return []
        case .answerProgress(let id, let message):
            guard request?.spec.id == id else { return [] }
            requestProgress = message
            return []
        case .answerFinished(let id, let answer, let found, let notes):
            return finishRequest(id: id, answer: answer, detections: found, notes: notes)
        case .answerFailed(let id, let message, let answer):
            let wasCancelled = request?.spec.id == id && request?.cancelling == true
            let effects = failRequest(id: id, message: message, answer: answer)
            if wasCancelled {
                error = nil
                info = answer == nil ? "cancelled" : "cancelled; kept what arrived (saved as incomplete)"
            }
            return effects
        case .batchPlanned(let id, let todo, let alreadyAnswered, let problems):
            return batchPlanned(id: id, todo: todo, alreadyAnswered: alreadyAnswered, problems: problems)
        case .batchPlanFailed(let id, let message):
            guard batch?.id == id else { return [] }
            batch = nil
            report(ErrorReport(action: "batch not started", message: message))
            return []
        case .batchUpdate(let id, let update):
            return batchUpdate(id: id, update)
        case .batchEnded(let id):
            return batchEnded(id: id)
        case .reviewSaved(let id, let state):
            return reviewSaved(detection: id, state: state)
        case .reviewFailed(let id, let message):
            return reviewFailed(detection: id, message: message)
        case .undone(let result):
            return undone(result)
        case .reviewsSaved(let ids, let state):
            return reviewsSaved(detections: ids, state: state)
        case .reviewsFailed(let ids, let message):
            return reviewsFailed(detections: ids, message: message)
        case .undoneAll(let results):
            return undoneAll(results)
        case .boxSaved(let stored):
            return boxSaved(stored)
        case .boxFailed(let id, let message):
            return boxFailed(detection: id, message: message)
        case .detectionAdded(let stored):
            return detectionAdded(stored)
        case .reviewCountsLoaded(let path, let counts):
            if path == folder { reviewCounts = counts }
            return []
        case .workFailed(let message):
            report(error: message)
            return []
        case .exportFinished(let message):
            info = message
            return []
        case .exportNeedsConfirmation(let request, let existing):
            modal = .confirmOverwrite(request, existing: existing)
            return []
        case .terminate:
            quitRequested = true
            return stopEverything() + [.quit]
        }
    }

    /// Quitting: the single request and the batch are cancelled (what arrived is saved).
    func stopEverything() -> [Effect] {
        var effects: [Effect] = []
        if let request { effects.append(.cancelRequest(request.spec.id)) }
        if let batch, batch.isActive { effects.append(.cancelBatch(batch.id)) }
        return effects
    }

    /// Shows an error in the status bar (first line) and keeps the full text for `E`.
    mutating func report(error message: String) {
        report(ErrorReport(message: message))
    }

    mutating func report(_ report: ErrorReport) {
        errorReport = report
        info = nil
    }

    // MARK: keys

    mutating func handleKey(_ key: Key) -> [Effect] {
        keyPresses += 1
        // A finished batch's summary stays until the next key.
        if case .ended = batch?.phase { batch = nil }
        if modal != .none { return handleModalKey(key) }
        if boxEdit != nil { return boxEditKey(key) }
        switch focus {
        case .prompt:
            return handlePromptKey(key)
        case .filter:
            return handleFilterKey(key)
        default:
            guard let command = keymap.command(for: key) else { return [] }
            return run(command)
        }
    }

    mutating func handlePromptKey(_ key: Key) -> [Effect] {
        switch key {
        case .escape:
            focus = .files
            return []
        case .tab:
            return run(.cycleFocus)
        case .ctrl("c"):
            return run(.quit)
        default:
            break
        }
        switch prompt.handle(key) {
        case .submitted(let line):
            let question = line.trimmed
            guard !question.isEmpty else { return [] }
            return startRequest(.question, words: question)
        case .edited, .ignored:
            return []
        }
    }

    mutating func handleFilterKey(_ key: Key) -> [Effect] {
        let before = selectedPath
        switch key {
        case .escape:
            filter = LineEditor()
            focus = .files
            applyFilter(keeping: before)
        case .enter, .down, .up, .tab:
            focus = .files
            if key != .enter && key != .tab { return run(key == .down ? .moveDown : .moveUp) }
            return []
        default:
            _ = filter.handle(key)
            applyFilter(keeping: before)
        }
        return selectionChanged(from: before)
    }

    mutating func handleModalKey(_ key: Key) -> [Effect] {
        switch modal {
        case .none:
            return []
        case .help(let scroll):
            switch key {
            case .down, .char("j"): modal = .help(scroll: scroll + 1)
            case .up, .char("k"): modal = .help(scroll: max(0, scroll - 1))
            case .pageDown, .char(" "): modal = .help(scroll: scroll + 10)
            case .pageUp: modal = .help(scroll: max(0, scroll - 10))
            default: modal = .none
            }
            return []
        case .errorDetail, .truthComparison:
            modal = .none
            if keymap.command(for: key) == .compareTruth { return run(Command.compareTruth) }
            return []
        case .confirmBatch:
            return confirmBatchKey(key)
        case .confirmQuit:
            if key == .char("y") || key == .char("Y") || key == .enter || key == .char("q") {
                modal = .none
                quitRequested = true
                return stopEverything() + [.quit]
            }
            modal = .none
            return []
        case .export(let acceptedOnly):
            if key == .char("a") {
                modal = .export(acceptedOnly: !acceptedOnly)
                return []
            }
            modal = .none
            guard case .char(let c) = key, let format = ExportFormat.allCases.first(where: { $0.key == c }) else { return [] }
            info = "exporting \(format.rawValue)…"
            let selection = ExportSelection(acceptedOnly: acceptedOnly)
            return [.export(ExportRequest(format: format, folder: folder, selection: selection))]
        case .confirmOverwrite(var request, _):
            modal = .none
            guard key == .char("y") || key == .char("Y") else {
                info = "export cancelled; nothing was overwritten"
                return []
            }
            request.overwrite = true
            return [.export(request)]
        case .relabel(var editor):
            if Self.completeLabel(&editor, key: key, classes: classes) {
                modal = .relabel(editor)
                return []
            }
            guard let label = editLine(editor, key: key, reopen: { .relabel($0) }), !label.isEmpty else { return [] }
            return reviewSelected(.relabelled(label))
        case .classPicker(let editor, let selected):
            return classPickerKey(key, editor: editor, selected: selected)
        case .filterDetections(let editor):
            return filterDialogKey(key, editor: editor)
        case .newBoxLabel(let editor):
            return newBoxLabelKey(key, editor: editor)
        case .target(let task, let editor):
            guard let words = editLine(editor, key: key, reopen: { .target(task, $0) }) else { return [] }
            if !words.isEmpty {
                targetHistory.removeAll { $0 == words }
                targetHistory.append(words)
            }
            return startRequest(task, words: words.isEmpty ? nil : words)
        }
    }

    /// A one-line dialog (relabel, "detect what?"): Esc closes it, Enter closes it and returns the trimmed
    /// line, any other key edits the line and keeps the dialog open (nil for both of those).
    mutating func editLine(_ editor: LineEditor, key: Key, reopen: (LineEditor) -> Modal) -> String? {
        modal = .none
        guard key != .escape else { return nil }
        var editor = editor
        if case .submitted(let line) = editor.handle(key) { return line.trimmed }
        modal = reopen(editor)
        return nil
    }

    // MARK: commands

    mutating func run(_ command: Command) -> [Effect] {
        if detectionsAreProvisional,
           [.accept, .reject, .relabel, .acceptAll, .rejectAll, .pickClass, .editBox, .addBox].contains(command) || command.classNumber != nil {
            // Provisional boxes are not in the store yet: there is nothing to decide on.
            info = "the answer is still streaming; review once it is in"
            return []
        }
        switch command {
        case .moveDown: return move(by: 1)
        case .moveUp: return move(by: -1)
        case .pageDown: return move(by: pageSize)
        case .pageUp: return move(by: -pageSize)
        case .first: return move(to: 0)
        case .last: return move(to: Int.max)
        case .open: return open()
        case .parent: return goToParent()
        case .cycleFocus:
            let order: [Focus] = [.files, .answer, .detections, .prompt]
            let index = order.firstIndex(of: focus) ?? 0
            focus = order[(index + 1) % order.count]
            return []
        case .focusPrompt:
            focus = .prompt
            return []
        case .filter:
            focus = .filter
            return []
        case .cancel: return cancel()
        case .mark: return toggleMark()
        case .caption: return startRequest(.caption, words: nil)
        case .detect: return askForTarget(.detect)
        case .segment: return askForTarget(.segment)
        case .points: return askForTarget(.point)
        case .runBatch: return runBatch()
        case .newConversation:
            startsNewConversation = true
            info = "the next question starts a new conversation"
            return []
        case .toggleBoxes:
            showBoxes.toggle()
            info = "boxes \(showBoxes ? "on" : "off")"
            return [.redrawPicture]
        case .toggleMasks:
            showMasks.toggle()
            info = "masks \(showMasks ? "on" : "off")"
            return [.redrawPicture]
        case .toggleLabels:
            showLabels.toggle()
            info = "labels \(showLabels ? "on" : "off")"
            return [.redrawPicture]
        case .nextDetection: return stepDetection(by: 1)
        case .previousDetection: return stepDetection(by: -1)
        case .accept: return reviewSelected(.accepted)
        case .reject: return reviewSelected(.rejected)
        case .relabel:
            guard let index = selectedDetection, index < detections.count else {
                info = "no detection selected"
                return []
            }
            modal = .relabel(LineEditor(text: detections[index].effectiveLabel, selected: true))
            return []
        case .undo: return undo()
        case .nextPending: return jumpToPending(forward: true)
        case .previousPending: return jumpToPending(forward: false)
        case .export:
            modal = .export(acceptedOnly: false)
            return []
        case .cycleTheme:
            themeIndex = (themeIndex + 1) % themeNames.count
            info = "theme: \(themeName)"
            return [.repaintAll]
        case .zoom:
            guard let index = selectedDetection, index < detections.count, detections[index].effectiveBox != nil else {
                zoomed = false
                info = "select a detection with a box to zoom (n/N)"
                return []
            }
            zoomed.toggle()
            return [.redrawPicture]
        case .toggleRaw:
            guard shownTaskIsSpatial else {
                info = "only detect, segment and point answers have a raw view"
                return []
            }
            showRawAnswer.toggle()
            answerScroll = request?.image == answerImage && request != nil ? nil : 0
            info = showRawAnswer ? "raw answer (\(keymap.hint(.toggleRaw)) shows the summary)" : "answer summary"
            return []
        case .showError:
            if error != nil { modal = .errorDetail }
            return []
        case .compareTruth:
            guard let image = answerImage ?? selectedImage else {
                info = "select an image first"
                return []
            }
            truthSetTurn += 1
            return [.compareTruth(image: image, detections: detections, turn: truthSetTurn - 1)]
        case .help:
            modal = .help(scroll: 0)
            return []
        case .class1, .class2, .class3, .class4, .class5, .class6, .class7, .class8, .class9:
            return setClass(number: command.classNumber ?? 0)
        case .pickClass: return openClassPicker()
        case .acceptAll: return reviewAllShown(.accepted)
        case .rejectAll: return reviewAllShown(.rejected)
        case .filterDetections: return openDetectionFilter()
        case .raiseThreshold: return stepThreshold(raised: true)
        case .lowerThreshold: return stepThreshold(raised: false)
        case .editBox: return startBoxEdit()
        case .addBox: return startNewBox()
        case .boxLeft, .boxDown, .boxUp, .boxRight, .boxFineLeft, .boxFineDown, .boxFineUp, .boxFineRight,
             .boxNextEdge, .boxPreviousEdge, .boxSave, .boxCancel:
            // Box edit mode's own table (`boxEditKey`); these never come from the browser's.
            return []
        case .quit:
            if request != nil || batch?.isRunning == true {
                modal = .confirmQuit
                return []
            }
            quitRequested = true
            return [.quit]
        }
    }

    /// d/s/p: the text typed in the prompt line is the target ("cups"); otherwise ask "detect what?" in a
    /// line of its own (Enter alone keeps the default, the prominent objects).
    mutating func askForTarget(_ task: AskTask) -> [Effect] {
        let typed = prompt.text.trimmed
        if !typed.isEmpty {
            prompt = LineEditor(history: prompt.history)
            return startRequest(task, words: typed)
        }
        guard hasAPIKey else {
            report(error: AppState.missingKeyMessage)
            return []
        }
        guard selectedImage != nil || !marked.isEmpty else {
            info = "select an image first"
            return []
        }
        modal = .target(task, LineEditor(history: targetHistory))
        return []
    }

    var pageSize: Int {
        switch focus {
        case .answer: return max(1, layout.answerRows - 1)
        case .detections: return layout.detectionRows
        default: return max(1, layout.fileListRows - 1)
        }
    }

    mutating func cancel() -> [Effect] {
        if let running = request {
            guard !running.cancelling else { return [] }
            request?.cancelling = true
            info = "cancelling…"
            return [.cancelRequest(running.spec.id)]
        }
        if let stopped = stopBatch() { return stopped }
        if !filter.isEmpty {
            let before = selectedPath
            filter = LineEditor()
            applyFilter(keeping: before)
            return selectionChanged(from: before)
        }
        if zoomed {
            zoomed = false
            return [.redrawPicture]
        }
        if error != nil { error = nil }
        if focus != .files { focus = .files }
        return []
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
