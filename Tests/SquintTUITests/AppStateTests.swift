import TerminalGraphics
import Imaging
import SquintCore
import Testing
@testable import SquintTUI

/// Feeds the state machine events the way the event loop would and checks the state and effects.
@Suite struct AppStateTests {
    static let entries: [FileEntry] = [
        FileEntry(name: "sub", kind: .directory),
        FileEntry(name: "a1.jpg", kind: .image, byteSize: 10),
        FileEntry(name: "a2.jpg", kind: .image, byteSize: 20, mark: .pendingReview),
        FileEntry(name: "a10.png", kind: .image, byteSize: 30),
        FileEntry(name: "cat.png", kind: .image, byteSize: 40, mark: .pendingReview),
    ]

    func loaded(hasKey: Bool = true) -> AppState {
        var state = AppState(folder: "/pics", size: CellSize(columns: 120, rows: 40), themeNames: ["dark", "light"], hasAPIKey: hasKey)
        _ = state.apply(.folderLoaded(path: "/pics", entries: Self.entries))
        return state
    }

    func press(_ state: inout AppState, _ names: String...) -> [Effect] {
        var all: [Effect] = []
        for name in names { all += state.apply(.key(Key(name: name)!)) }
        return all
    }

    @Test func startsByListingTheFolder() {
        let state = AppState(folder: "/pics", size: CellSize(columns: 80, rows: 24))
        #expect(state.startEffects == [.loadFolder("/pics")])
    }

    @Test func movingAsksForThePreviewNeighboursAndRecord() {
        var state = loaded()
        let effects = press(&state, "j")
        #expect(state.selectedPath == "/pics/a1.jpg")
        #expect(effects.contains(.showPreview("/pics/a1.jpg", neighbours: ["/pics/a2.jpg", "/pics/a10.png"])))
        #expect(effects.contains(.loadRecord("/pics/a1.jpg")))
        _ = press(&state, "G")
        #expect(state.selectedPath == "/pics/cat.png")
        #expect(press(&state, "j").isEmpty, "moving past the end changes nothing")
        _ = press(&state, "g")
        #expect(state.selectedPath == "/pics/sub")
        #expect(state.selectedImage == nil)
    }

    @Test func filterNarrowsAsYouTypeAndEscClears() {
        var state = loaded()
        _ = press(&state, "/", "c", "a")
        #expect(state.focus == .filter)
        #expect(state.visible.map { state.entries[$0].name } == ["cat.png"])
        #expect(state.selectedPath == "/pics/cat.png")
        _ = press(&state, "esc")
        #expect(state.visible.count == 5)
        #expect(state.focus == .files)
    }

    @Test func enterOpensFoldersAndBackspaceReturnsSelectingWhereWeCameFrom() {
        var state = loaded()
        let effects = press(&state, "enter")
        #expect(state.folder == "/pics/sub")
        #expect(effects.contains(.loadFolder("/pics/sub")))
        let back = press(&state, "backspace")
        #expect(back.contains(.loadFolder("/pics")))
        _ = state.apply(.folderLoaded(path: "/pics", entries: Self.entries))
        #expect(state.selectedPath == "/pics/sub")
    }

    /// A stored detection as the store would hand it over: pixels of a 1000×500 image.
    static func detection(_ id: Int64, _ label: String, x0: Double, y0: Double, x1: Double, y1: Double,
                          review: ReviewState = .pending) -> StoredDetection {
        StoredDetection(id: id, answerID: 1, imagePath: "/pics/a1.jpg", imageSize: PixelSize(width: 1000, height: 500),
                        detection: Detection(label: label, kind: .box, box: PixelBox(x0: x0, y0: y0, x1: x1, y1: y1), sourceIndex: Int(id)),
                        review: review)
    }

    static func stored(_ image: String, task: AskTask, question: String, text: String, complete: Bool = true) -> StoredAnswer {
        StoredAnswer(id: 1, contentHash: "h", detectionCount: 0,
                     draft: AnswerDraft(imagePath: image, task: task, question: question, prompt: "template", text: text,
                                        model: "m", imageSize: PixelSize(width: 1000, height: 500), isComplete: complete,
                                        error: complete ? nil : "connection reset"))
    }

    @Test func askingStreamsIntoTheAnswerAndEscCancelsKeepingText() {
        var state = loaded()
        _ = press(&state, "j", "i")
        #expect(state.focus == .prompt)
        for c in "what is it" { _ = state.apply(.key(.char(c))) }
        let effects = press(&state, "enter")
        guard case .startRequest(let spec)? = effects.first else {
            Issue.record("no request started: \(effects)")
            return
        }
        #expect(spec.question.task == .question && spec.question.words == "what is it" && spec.question.imagePaths == ["/pics/a1.jpg"])
        _ = state.apply(.answerDelta(request: spec.id, text: "A **cat** "))
        _ = state.apply(.answerDelta(request: spec.id, text: "on a mat"))
        #expect(state.shownAnswer.text == "A **cat** on a mat")
        #expect(state.shownAnswer.question == "what is it")
        #expect(state.shownAnswer.streaming)
        _ = press(&state, "esc")  // leaves the prompt
        #expect(state.focus == .files && state.request != nil)
        let cancel = press(&state, "esc")
        #expect(cancel == [.cancelRequest(spec.id)])
        #expect(state.request?.cancelling == true, "the pipeline still reports what it saved")
        // The pipeline saved the partial answer and says so.
        let partial = Self.stored("/pics/a1.jpg", task: .question, question: "what is it", text: "A **cat** on a mat", complete: false)
        _ = state.apply(.answerFailed(request: spec.id, message: "cancelled", answer: partial))
        #expect(state.request == nil)
        #expect(state.error == nil)
        #expect(state.info?.contains("kept what arrived") == true)
        #expect(state.shownAnswer.text.hasPrefix("A **cat** on a mat"))
        #expect(state.shownAnswer.text.contains("incomplete"))
        _ = state.apply(.answerDelta(request: spec.id, text: "late"))
        #expect(!state.shownAnswer.text.contains("late"), "chunks after cancel are dropped")
    }

    @Test func withoutAKeyAskingExplainsHowToSetIt() {
        var state = loaded(hasKey: false)
        let effects = press(&state, "j", "d")
        #expect(!effects.contains { if case .startRequest = $0 { return true }; return false })
        #expect(state.error?.contains("GEMINI_API_KEY") == true)
    }

    @Test func detectAsksWhatToFindAndEnterAloneKeepsTheDefault() {
        var state = loaded()
        _ = press(&state, "j")
        #expect(press(&state, "d").isEmpty)
        guard case .target(.detect, _) = state.modal else { Issue.record("no target line: \(state.modal)"); return }
        for c in "cups" { _ = state.apply(.key(.char(c))) }
        guard case .startRequest(let spec)? = press(&state, "enter").first else { Issue.record("no request"); return }
        #expect(spec.question.task == .detect && spec.question.words == "cups")
        #expect(state.shownAnswer.question == "detect: cups")
        _ = state.apply(.answerFinished(request: spec.id, answer: nil, detections: [], notes: []))
        // The target line remembers, and Enter alone asks for the default.
        _ = press(&state, "s")
        guard case .target(.segment, let editor) = state.modal else { Issue.record("no target line"); return }
        #expect(editor.history == ["cups"])
        guard case .startRequest(let again)? = press(&state, "enter").first else { Issue.record("no request"); return }
        #expect(again.question.task == .segment && again.question.words == nil)
        #expect(state.shownAnswer.question == "segment: prominent objects")
    }

    @Test func typedPromptTextIsTheTarget() {
        var state = loaded()
        _ = press(&state, "j", "i")
        for c in "red cups" { _ = state.apply(.key(.char(c))) }
        _ = press(&state, "esc")
        guard case .startRequest(let spec)? = press(&state, "p").first else { Issue.record("no request"); return }
        #expect(spec.question.task == .point && spec.question.words == "red cups")
        #expect(state.prompt.isEmpty)
    }

    @Test func reviewShowsOnlyWhatTheStoreHasAndUndoTakesBackTheDecisionOnScreen() {
        var state = loaded()
        _ = press(&state, "j", "d")
        guard case .startRequest(let spec)? = press(&state, "enter").first else { Issue.record("no request"); return }
        let found = [Self.detection(7, "cat", x0: 100, y0: 50, x1: 500, y1: 250), Self.detection(8, "mat", x0: 0, y0: 300, x1: 1000, y1: 500)]
        #expect(state.answerScroll == nil, "the stream follows its tail")
        let done = state.apply(.answerFinished(request: spec.id, answer: nil, detections: found, notes: []))
        #expect(done.contains(.redrawPicture))
        #expect(state.detections == found && state.selectedDetection == 0)
        #expect(state.answerScroll == 0, "the summary is read from its heading")
        #expect(state.entries[1].mark == .pendingReview)
        let accept = press(&state, "a")
        #expect(accept == [.review(.set(detection: 7, to: .accepted))])
        #expect(state.detections[0].review == .pending, "not shown as made before the store has it")
        #expect(state.savingReviews[7] == .accepted)
        #expect(state.selectedDetection == 1, "moves on to the next pending detection")
        _ = state.apply(.reviewSaved(detection: 7, state: .accepted))
        #expect(state.detections[0].review == .accepted)
        // A write that fails keeps the decision pending and says so.
        #expect(press(&state, "x") == [.review(.set(detection: 8, to: .rejected))])
        _ = state.apply(.reviewFailed(detection: 8, message: "squint.db: cannot save: it is locked by another process"))
        #expect(state.detections[1].review == .pending)
        #expect(state.error?.contains("not saved") == true)
        #expect(state.entries[1].mark == .pendingReview)
        // Undo takes back the decision on screen (cat's), not the store's latest for the image.
        #expect(press(&state, "u") == [.review(.undo(detection: 7))])
        _ = state.apply(.undone(UndoneReview(detectionID: 7, restored: .pending, undone: .accepted)))
        #expect(state.detections[0].review == .pending)
        #expect(state.info == "undid accept of cat")
        #expect(state.selectedDetection == 0)
    }

    @Test func relabelShowsAsRelabelledAndAdvances() {
        var state = loaded()
        _ = press(&state, "j")
        state.answerImage = "/pics/a1.jpg"
        state.detections = [Self.detection(3, "dog", x0: 0, y0: 0, x1: 10, y1: 10), Self.detection(4, "cat", x0: 20, y0: 0, x1: 30, y1: 10)]
        state.selectedDetection = 0
        _ = press(&state, "r", "ctrl-u")
        for c in "wolf" { _ = state.apply(.key(.char(c))) }
        let effects = press(&state, "enter")
        #expect(effects == [.review(.set(detection: 3, to: .relabelled("wolf")))])
        #expect(state.modal == .none)
        #expect(state.selectedDetection == 1, "advances like accept")
        _ = state.apply(.reviewSaved(detection: 3, state: .relabelled("wolf")))
        #expect(state.detections[0].review == .relabelled("wolf"))
        #expect(state.detections[0].effectiveLabel == "wolf")
        #expect(state.info == "relabelled dog → wolf")
    }

    @Test func pendingReviewJumpsWrapAround() {
        var state = loaded()
        _ = press(&state, "]")
        #expect(state.selectedPath == "/pics/a2.jpg")
        _ = press(&state, "]")
        #expect(state.selectedPath == "/pics/cat.png")
        _ = press(&state, "]")
        #expect(state.selectedPath == "/pics/a2.jpg")
        _ = press(&state, "[")
        #expect(state.selectedPath == "/pics/cat.png")
    }

    @Test func quitAsksWhileARequestRuns() {
        var state = loaded()
        let started = press(&state, "j", "c")
        #expect(started.contains { if case .startRequest = $0 { return true }; return false })
        #expect(press(&state, "q").isEmpty)
        #expect(state.modal == .confirmQuit)
        let effects = press(&state, "y")
        #expect(effects.last == .quit)
        var idle = loaded()
        #expect(press(&idle, "q") == [.quit])
    }

    @Test func togglesAndThemeAskForRepaints() {
        var state = loaded()
        let key = state.pictureKey
        #expect(press(&state, "b") == [.redrawPicture])
        #expect(state.pictureKey != key)
        #expect(press(&state, "t") == [.repaintAll])
        #expect(state.themeName == "light")
        #expect(state.apply(.resize(CellSize(columns: 80, rows: 24))) == [.repaintAll])
        #expect(state.pictureKey.area == Layout(size: CellSize(columns: 80, rows: 24)).pictureArea)
    }

    @Test func marksMakeAMultiImageQuestion() {
        var state = loaded()
        _ = press(&state, "j", "space", "space")
        #expect(state.marked == ["/pics/a1.jpg", "/pics/a2.jpg"])
        _ = press(&state, "i")
        for c in "same?" { _ = state.apply(.key(.char(c))) }
        let effects = press(&state, "enter")
        guard case .startRequest(let spec)? = effects.first else { Issue.record("no request"); return }
        #expect(spec.question.imagePaths == ["/pics/a1.jpg", "/pics/a2.jpg"])
        #expect(state.marked.isEmpty)
        #expect(state.shownAnswer.question == "same?  (a1.jpg, a2.jpg)")
        _ = state.apply(.answerFinished(request: spec.id, answer: nil, detections: [], notes: []))
        #expect(state.entries[1].mark == .answered && state.entries[2].mark != .none, "every image asked about is answered")
    }

    @Test func mouseClickSelectsAFileAndWheelScrolls() {
        var state = loaded()
        let list = state.layout.fileList
        _ = state.apply(.mouse(MouseEvent(.click, column: list.x + 2, row: list.y + 1 + 3)))
        #expect(state.selectedPath == "/pics/a10.png")
        _ = state.apply(.mouse(MouseEvent(.wheelUp, column: list.x + 2, row: list.y + 2)))
        #expect(state.selected == 0)
    }

    @Test func errorsAreOneLineWithFullTextOnDemand() {
        var state = loaded()
        _ = press(&state, "j", "c")
        guard let id = state.request?.spec.id else { Issue.record("no request"); return }
        _ = state.apply(.answerFailed(request: id, message: "HTTP 429\nquota exceeded for model", answer: nil))
        #expect(state.request == nil)
        #expect(state.error?.hasPrefix("HTTP 429") == true)
        _ = press(&state, "E")
        #expect(state.modal == .errorDetail)
        _ = press(&state, "x")
        #expect(state.modal == .none)
    }

    @Test func staleRecordsAreIgnored() {
        var state = loaded()
        _ = press(&state, "j", "j")
        _ = state.apply(.recordLoaded(image: "/pics/a1.jpg", answer: Self.stored("/pics/a1.jpg", task: .question, question: "q", text: "old"), detections: []))
        #expect(state.shownAnswer.text == "")
        _ = state.apply(.recordLoaded(image: "/pics/a2.jpg", answer: Self.stored("/pics/a2.jpg", task: .detect, question: "cups", text: "mine"), detections: []))
        #expect(state.shownAnswer.text == "mine")
        #expect(state.shownAnswer.question == "detect: cups", "the person's words, not the prompt template")
    }

    @Test func exportAsksTheFormatAndWhatAndBeforeOverwriting() {
        var state = loaded()
        #expect(press(&state, "e").isEmpty)
        #expect(state.modal == .export(acceptedOnly: false))
        #expect(press(&state, "a").isEmpty)
        #expect(state.modal == .export(acceptedOnly: true))
        let request = ExportRequest(format: .jsonl, folder: "/pics", selection: ExportSelection(acceptedOnly: true))
        #expect(press(&state, "j") == [.export(request)])
        #expect(request.destination == "/pics/squint-annotations.jsonl")
        _ = state.apply(.exportNeedsConfirmation(request, existing: [request.destination]))
        #expect(press(&state, "n").isEmpty)
        #expect(state.info?.contains("nothing was overwritten") == true)
        _ = state.apply(.exportNeedsConfirmation(request, existing: [request.destination]))
        var replacing = request
        replacing.overwrite = true
        #expect(press(&state, "y") == [.export(replacing)])
        #expect(ExportRequest(format: .yolo, folder: "/pics", selection: ExportSelection()).destination == "/pics/squint-yolo")
    }
}
