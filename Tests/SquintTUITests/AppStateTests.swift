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
        var state = AppState(folder: "/pics", size: TerminalSize(columns: 120, rows: 40), themeNames: ["dark", "light"], hasAPIKey: hasKey)
        _ = state.apply(.folderLoaded(path: "/pics", entries: Self.entries))
        return state
    }

    func press(_ state: inout AppState, _ names: String...) -> [Effect] {
        var all: [Effect] = []
        for name in names { all += state.apply(.key(Key(name: name)!)) }
        return all
    }

    @Test func startsByListingTheFolder() {
        let state = AppState(folder: "/pics", size: TerminalSize(columns: 80, rows: 24))
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
        #expect(spec.kind == .ask && spec.question == "what is it" && spec.images == ["/pics/a1.jpg"])
        _ = state.apply(.answerDelta(request: spec.id, text: "A **cat** "))
        _ = state.apply(.answerDelta(request: spec.id, text: "on a mat"))
        #expect(state.shownAnswer.text == "A **cat** on a mat")
        #expect(state.shownAnswer.streaming)
        _ = press(&state, "esc")  // leaves the prompt
        #expect(state.focus == .files && state.request != nil)
        let cancel = press(&state, "esc")
        #expect(cancel == [.cancelRequest(spec.id)])
        #expect(state.request == nil)
        #expect(state.answer == "A **cat** on a mat")
        _ = state.apply(.answerDelta(request: spec.id, text: "late"))
        #expect(state.answer == "A **cat** on a mat", "chunks after cancel are dropped")
    }

    @Test func withoutAKeyAskingExplainsHowToSetIt() {
        var state = loaded(hasKey: false)
        let effects = press(&state, "j", "d")
        #expect(!effects.contains { if case .startRequest = $0 { return true }; return false })
        #expect(state.error?.contains("GEMINI_API_KEY") == true)
    }

    @Test func detectFinishesWithDetectionsAndReviewIsWrittenAndUndone() {
        var state = loaded()
        _ = press(&state, "j")
        let effects = press(&state, "d")
        guard case .startRequest(let spec)? = effects.first else { Issue.record("no request"); return }
        #expect(spec.kind == .detect)
        let found = [
            DetectionItem(id: 7, label: "cat", box: [100, 100, 500, 500]),
            DetectionItem(id: 8, label: "mat", box: [600, 0, 1000, 1000]),
        ]
        let done = state.apply(.answerFinished(request: spec.id, detections: found))
        #expect(done.contains(.redrawPicture))
        #expect(state.detections == found && state.selectedDetection == 0)
        #expect(state.entries[1].mark == .pendingReview)
        let accept = press(&state, "a")
        #expect(accept.contains(.review(.set(image: "/pics/a1.jpg", detection: 7, review: .accepted))))
        #expect(state.selectedDetection == 1, "moves on to the next pending detection")
        _ = press(&state, "x")
        #expect(state.detections.map(\.review) == [.accepted, .rejected])
        #expect(state.entries[1].mark == .answered)
        let undo = press(&state, "u")
        #expect(undo.contains(.review(.set(image: "/pics/a1.jpg", detection: 8, review: .pending))))
        #expect(state.detections[1].review == .pending)
        #expect(state.entries[1].mark == .pendingReview)
    }

    @Test func relabelGoesThroughADialog() {
        var state = loaded()
        _ = press(&state, "j")
        state.answerImage = "/pics/a1.jpg"
        state.detections = [DetectionItem(id: 3, label: "dog", box: [0, 0, 10, 10])]
        state.selectedDetection = 0
        _ = press(&state, "r", "ctrl-u")
        for c in "cat" { _ = state.apply(.key(.char(c))) }
        let effects = press(&state, "enter")
        #expect(effects.contains(.review(.relabel(image: "/pics/a1.jpg", detection: 3, label: "cat"))))
        #expect(state.detections[0].label == "cat")
        #expect(state.modal == .none)
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
        #expect(state.apply(.resize(TerminalSize(columns: 80, rows: 24))) == [.repaintAll])
        #expect(state.pictureKey.area == Layout(size: TerminalSize(columns: 80, rows: 24)).pictureArea)
    }

    @Test func marksMakeAMultiImageQuestion() {
        var state = loaded()
        _ = press(&state, "j", "space", "space")
        #expect(state.marked == ["/pics/a1.jpg", "/pics/a2.jpg"])
        _ = press(&state, "i")
        for c in "same?" { _ = state.apply(.key(.char(c))) }
        let effects = press(&state, "enter")
        guard case .startRequest(let spec)? = effects.first else { Issue.record("no request"); return }
        #expect(spec.images == ["/pics/a1.jpg", "/pics/a2.jpg"])
        #expect(state.marked.isEmpty)
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
        _ = state.apply(.answerFailed(request: id, message: "HTTP 429\nquota exceeded for model"))
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
        _ = state.apply(.recordLoaded(image: "/pics/a1.jpg", record: ImageRecord(question: "q", answer: "old", detections: [])))
        #expect(state.answer == "")
        _ = state.apply(.recordLoaded(image: "/pics/a2.jpg", record: ImageRecord(question: "q", answer: "mine", detections: [])))
        #expect(state.answer == "mine")
    }

    @Test func exportAsksTheFormat() {
        var state = loaded()
        #expect(press(&state, "e").isEmpty)
        #expect(state.modal == .exportFormat)
        #expect(press(&state, "y") == [.export(.yolo, folder: "/pics")])
    }
}
