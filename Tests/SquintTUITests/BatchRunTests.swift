import TerminalGraphics
import Imaging
import SquintCore
import Testing
@testable import SquintTUI

/// `R`: the last task over the marked images or the folder, fed the loop's batch events as the event loop would.
@Suite struct BatchRunTests {
    let base = AppStateTests()

    func loaded() -> AppState { base.loaded() }

    func press(_ state: inout AppState, _ names: String...) -> [Effect] {
        var all: [Effect] = []
        for name in names { all += state.apply(.key(Key(name: name)!)) }
        return all
    }

    func type(_ state: inout AppState, _ text: String) {
        for c in text { _ = state.apply(.key(.char(c))) }
    }

    /// `d`, "cups", Enter on the selected image, and the answer (nothing found): the session's last task.
    func detectCups(_ state: inout AppState) {
        _ = press(&state, "d")
        type(&state, "cups")
        guard case .startRequest(let spec)? = press(&state, "enter").first else {
            Issue.record("no request")
            return
        }
        _ = state.apply(.answerFinished(request: spec.id, answer: nil, detections: [], notes: []))
    }

    func planned(_ effects: [Effect]) -> BatchRequest? {
        for effect in effects { if case .planBatch(let job) = effect { return job } }
        return nil
    }

    @Test func rBeforeAnythingWasAskedSaysWhatToDoFirst() {
        var state = loaded()
        _ = press(&state, "j")
        #expect(press(&state, "R").isEmpty)
        #expect(state.info == "press d, s, p, c or ask a question first; R then runs it over the folder")
        #expect(state.batch == nil)
    }

    @Test func rAfterDetectRunsItOverTheMarkedImagesOnly() throws {
        var state = loaded()
        _ = press(&state, "j", "space", "j", "space")  // a1.jpg and a10.png marked; cat.png selected
        #expect(state.marked == ["/pics/a1.jpg", "/pics/a10.png"])
        detectCups(&state)
        let job = try #require(planned(press(&state, "R")))
        #expect(job.images == ["/pics/a1.jpg", "/pics/a10.png"])
        #expect(job.spec == BatchSpec(task: .detect, words: "cups", model: "gemini"))
        #expect(state.batch?.phase == .planning && state.batch?.fromMarks == true)
        // Small: it starts without asking, and the marks were for it.
        #expect(state.apply(.batchPlanned(id: job.id, todo: 2, alreadyAnswered: 0, problems: [])) == [.startBatch(job.id)])
        #expect(state.batch?.phase == .running && state.batch?.progress?.total == 2)
        #expect(state.marked.isEmpty)
        // Only one at a time.
        #expect(press(&state, "R").isEmpty)
        #expect(state.info?.contains("a batch is running") == true)
    }

    @Test func withoutMarksItRunsOverTheFolderAndATypedQuestionToo() throws {
        var state = loaded()
        _ = press(&state, "j", "i")
        type(&state, "what is it")
        guard case .startRequest(let spec)? = press(&state, "enter").first else { Issue.record("no request"); return }
        _ = state.apply(.answerFinished(request: spec.id, answer: nil, detections: [], notes: []))
        _ = press(&state, "esc")
        let job = try #require(planned(press(&state, "R")))
        #expect(job.images == ["/pics/a1.jpg", "/pics/a2.jpg", "/pics/a10.png", "/pics/cat.png"], "images only, in list order")
        #expect(job.spec.task == .question && job.spec.words == "what is it")
        // Everything already answered: nothing starts, and it says so.
        #expect(state.apply(.batchPlanned(id: job.id, todo: 0, alreadyAnswered: 4, problems: [])) == [.cancelBatch(job.id)])
        #expect(state.batch == nil)
        #expect(state.info?.contains("all 4 images already have ask \"what is it\"") == true)
    }

    @Test func aLargeRunAsksFirstShowingTaskCountAndModel() throws {
        var state = AppState(folder: "/many", size: CellSize(columns: 80, rows: 24), model: "gemini-2.5-flash")
        let entries = (1...240).map { FileEntry(name: "img\($0).jpg", kind: .image) }
        _ = state.apply(.folderLoaded(path: "/many", entries: entries))
        detectCups(&state)
        let job = try #require(planned(press(&state, "R")))
        #expect(job.images.count == 240)
        #expect(state.apply(.batchPlanned(id: job.id, todo: 228, alreadyAnswered: 12, problems: [])).isEmpty)
        #expect(state.modal == .confirmBatch)
        #expect(state.batch?.confirmation == "detect \"cups\" over 228 images (12 already answered) with gemini-2.5-flash? y/n")
        #expect(press(&state, "n") == [.cancelBatch(job.id)])
        #expect(state.batch == nil && state.modal == .none)
        let again = try #require(planned(press(&state, "R")))
        _ = state.apply(.batchPlanned(id: again.id, todo: 228, alreadyAnswered: 12, problems: []))
        #expect(press(&state, "y") == [.startBatch(again.id)])
        #expect(state.batch?.progress == BatchProgress(total: 228, skipped: 12, started: state.now))
    }

    /// Starts `detect "cups"` over the whole test folder with a1.jpg on screen.
    func running() throws -> (AppState, Int) {
        var state = loaded()
        _ = press(&state, "j")
        detectCups(&state)
        let job = try #require(planned(press(&state, "R")))
        _ = state.apply(.batchPlanned(id: job.id, todo: 4, alreadyAnswered: 0, problems: []))
        return (state, job.id)
    }

    @Test func answersUpdateTheProgressTheMarksAndTheImageOnScreen() throws {
        var (state, id) = try running()
        #expect(state.selectedImage == "/pics/a1.jpg")
        for path in ["/pics/a1.jpg", "/pics/a2.jpg", "/pics/a10.png"] { _ = state.apply(.batchUpdate(id: id, .asking(path: path))) }
        #expect(state.batch?.progress?.inFlight == 3)
        let cup = AppStateTests.detection(7, "cup", x0: 10, y0: 10, x1: 200, y1: 200)
        let answer = AppStateTests.stored("/pics/a1.jpg", task: .detect, question: "cups", text: "[]")
        let usage = TokenUsage(promptTokens: 300, candidatesTokens: 40)
        // The image on screen: its answer and boxes show as for a single answer; its mark says to review.
        let shown = state.apply(.batchUpdate(id: id, .answered(path: "/pics/a1.jpg", answer: answer, detections: [cup], usage: usage)))
        #expect(shown == [.redrawPicture])
        #expect(state.detections == [cup] && state.selectedDetection == 0 && state.storedAnswer == answer)
        #expect(state.entries[1].mark == .pendingReview)
        // Another image: only its mark (nothing found: answered, no longer to review).
        #expect(state.apply(.batchUpdate(id: id, .answered(path: "/pics/a2.jpg", answer: nil, detections: [], usage: usage))).isEmpty)
        #expect(state.entries[2].mark == .answered)
        #expect(state.detections == [cup], "the picture on screen is still a1's")
        // A failure counts, and E has it in full.
        let report = ErrorReport(message: "503 The model is overloaded")
        _ = state.apply(.batchUpdate(id: id, .failed(path: "/pics/a10.png", report: report, answer: nil, usage: nil)))
        let progress = try #require(state.batch?.progress)
        #expect(progress.answered == 2 && progress.failed == 1 && progress.inFlight == 0 && progress.promptTokens == 600)
        #expect(state.errorReport?.action == "detect failed: a10.png")
        #expect(state.entries[3].mark == .none)
        // The status bar leads with the progress, not the failure.
        let line = StatusBarView.batchText(try #require(state.batch), now: state.now, keymap: state.keymap, columns: 79)
        #expect(line.hasPrefix(" detect \"cups\": 3/4 · 1 failed"), "\(line)")
        #expect(line.hasSuffix("esc stops"))
        _ = state.apply(.batchUpdate(id: id, .answered(path: "/pics/cat.png", answer: nil, detections: [], usage: nil)))
        _ = state.apply(.batchEnded(id: id))
        #expect(state.batch?.phase == .ended(stopped: false))
        let summary = StatusBarView.batchText(try #require(state.batch), now: state.now + 60, keymap: state.keymap, columns: 79)
        #expect(summary.hasPrefix(" detect \"cups\" done: 4 images: 3 answered, 1 failed · 1 to review: ]"), "\(summary)")
        #expect(DisplayWidth.of(summary) <= 79)
        // The summary stays until the next key; E then shows the last failure, and ] walks to the one to review.
        _ = press(&state, "E")
        #expect(state.batch == nil && state.modal == .errorDetail)
        _ = press(&state, "esc", "j", "]")
        #expect(state.selectedImage == "/pics/a1.jpg")
    }

    @Test func escStopsTheRunKeepingWhatFinished() throws {
        var (state, id) = try running()
        _ = state.apply(.batchUpdate(id: id, .asking(path: "/pics/a1.jpg")))
        _ = state.apply(.batchUpdate(id: id, .asking(path: "/pics/a2.jpg")))
        _ = state.apply(.batchUpdate(id: id, .answered(path: "/pics/a1.jpg", answer: nil, detections: [], usage: nil)))
        #expect(press(&state, "esc") == [.cancelBatch(id)])
        #expect(state.batch?.phase == .stopping)
        #expect(press(&state, "esc").isEmpty, "stopping once is enough")
        _ = state.apply(.batchEnded(id: id))
        let batch = try #require(state.batch)
        #expect(batch.phase == .ended(stopped: true))
        #expect(batch.progress?.answered == 1 && batch.progress?.failed == 0 && batch.progress?.inFlight == 0)
        #expect(state.entries[1].mark == .answered, "what finished stays")
        let summary = StatusBarView.batchText(batch, now: state.now, keymap: state.keymap, columns: 79)
        #expect(summary.hasPrefix(" detect \"cups\" stopped: 4 images: 1 answered"), "\(summary)")
        // Events of the stopped run that arrive late change nothing.
        _ = state.apply(.batchUpdate(id: id, .answered(path: "/pics/a2.jpg", answer: nil, detections: [], usage: nil)))
        #expect(state.entries[2].mark == .pendingReview)
    }

    @Test func quittingWhileABatchRunsAsksAndStopsIt() throws {
        var (state, id) = try running()
        #expect(press(&state, "q").isEmpty)
        #expect(state.modal == .confirmQuit)
        #expect(press(&state, "y") == [.cancelBatch(id), .quit])
    }

    @Test func singleQuestionsCanStillBeAskedWhileItRuns() throws {
        var (state, _) = try running()
        _ = press(&state, "c")
        #expect(state.request?.spec.question.task == .caption)
        #expect(state.batch?.isRunning == true)
        // Esc cancels the single request first, then the batch.
        guard case .cancelRequest? = press(&state, "esc").first else { Issue.record("the request is cancelled first"); return }
    }

    @Test func theStatusLineFitsEightyColumnsCuttingWholeParts() {
        var batch = BatchRunState(id: 1, spec: BatchSpec(task: .detect, words: "cups", model: "gemini-2.5-flash"),
                                  images: Array(repeating: "x", count: 120), fromMarks: false)
        batch.phase = .running
        var progress = BatchProgress(total: 120, started: 0)
        progress.answered = 35
        progress.failed = 2
        for index in 0..<4 { progress.recordAsking("/\(index).png") }
        progress.promptTokens = 12_000
        progress.outputTokens = 400
        batch.progress = progress
        let full = StatusBarView.batchText(batch, now: 20, keymap: .default, columns: 200)
        #expect(full == " detect \"cups\": 37/120 · 2 failed · 1.9/s · 45 s left · 12.4k tokens · 4 asking · esc stops")
        let line = StatusBarView.batchText(batch, now: 20, keymap: .default, columns: 79)
        #expect(DisplayWidth.of(line) <= 79)
        #expect(line == " detect \"cups\": 37/120 · 2 failed · 1.9/s · 45 s left · esc stops")
        // A long question is cut inside its quotes; the count and the key stay.
        batch.spec.words = "how many people in this picture are wearing hats, and what colour are they?"
        let long = StatusBarView.batchText(batch, now: 20, keymap: .default, columns: 79)
        #expect(DisplayWidth.of(long) <= 79 && long.contains("37/120") && long.hasSuffix("esc stops"), "\(long)")
        #expect(long.contains("…\":"), "\(long)")
        // The summary, with the review count, still fits when many were skipped.
        batch.spec.words = "cups"
        batch.phase = .ended(stopped: false)
        batch.progress = BatchProgress(total: 228, skipped: 12, started: 0)
        batch.progress?.answered = 226
        batch.progress?.failed = 2
        batch.toReview = 180
        batch.endedAt = 250
        let summary = StatusBarView.batchText(batch, now: 900, keymap: .default, columns: 79)
        #expect(summary == " detect \"cups\" done: 226 answered, 2 failed, 12 skipped · 180 to review: ]", "\(summary)")
    }
}
