import Foundation
@testable import GeminiAPI
import GeminiTestServer
import Imaging
import Testing
@testable import SquintCore

/// The one ask pipeline: every policy that used to differ between `squint ask`, `squint detect` and the TUI,
/// checked once here.
@Suite("AskPipeline")
struct AskPipelineTests {
    struct Fixture {
        let folder: URL
        let store: Store
        let image: String
        let second: String

        init() throws {
            folder = try TestPaths.temporaryDirectory()
            store = try Store(url: folder.appendingPathComponent("squint.db"))
            let source = try TestPaths.corpusFile("orientation/upright.png")
            image = folder.appendingPathComponent("cups.png").path
            second = folder.appendingPathComponent("saucers.png").path
            try FileManager.default.copyItem(atPath: source.path, toPath: image)
            try FileManager.default.copyItem(atPath: source.path, toPath: second)
        }

        func pipeline(_ provider: ScriptedProvider, inlineLimit: Int = RequestPlanner.inlineRequestLimit) -> AskPipeline {
            var pipeline = AskPipeline(provider: provider, store: store, configuration: SquintConfiguration())
            pipeline.inlineLimit = inlineLimit
            return pipeline
        }
    }

    static let boxes = #"[{"box_2d": [100, 200, 500, 600], "label": "cup"}, {"box_2d": [0, 0, 100, 100], "label": "spoon"}]"#

    static func detect(_ image: String, words: String? = "cups") -> Question {
        Question(task: .detect, imagePaths: [image], words: words, model: "gemini-2.5-flash")
    }

    @Test("an answer cut by SAFETY after some text is a blocked failure, saved as incomplete, not a detection set")
    func safetyCutAfterText() async throws {
        let fixture = try Fixture()
        let provider = ScriptedProvider([ScriptedProvider.Script(events: [.text(Self.boxes), .finish(.safety)])])
        let failure = await #expect(throws: AskFailure.self) { try await fixture.pipeline(provider).ask(Self.detect(fixture.image)) }
        #expect((failure?.error as? GeminiError)?.category == .blocked)
        let history = try await fixture.store.history(imagePath: fixture.image)
        #expect(history.count == 1)
        #expect(history.first?.isComplete == false)
        #expect(history.first?.error?.contains("SAFETY") == true)
        #expect(try await fixture.store.currentDetections(imagePath: fixture.image).isEmpty)
    }

    @Test("a blocked prompt with no text fails as blocked and saves nothing")
    func blockedPrompt() async throws {
        let fixture = try Fixture()
        let provider = ScriptedProvider([ScriptedProvider.Script(events: [.blocked(.safety, message: "no")])])
        let failure = await #expect(throws: AskFailure.self) {
            try await fixture.pipeline(provider).ask(Question(task: .question, imagePaths: [fixture.image], words: "hm?", model: "m"))
        }
        #expect((failure?.error as? GeminiError)?.category == .blocked)
        #expect(try await fixture.store.history().isEmpty)
    }

    @Test("an answer stopped by MAX_TOKENS stands, with a note saying so")
    func stoppedEarly() async throws {
        let fixture = try Fixture()
        let provider = ScriptedProvider([ScriptedProvider.answer("A cat on a", finish: .maxTokens)])
        let outcome = try await fixture.pipeline(provider).ask(Question(task: .caption, imagePaths: [fixture.image], model: "m"))
        #expect(outcome.notes.contains { $0.contains("MAX_TOKENS") })
        #expect(outcome.stored?.isComplete == true)
        #expect(outcome.stored?.warnings.contains { $0.contains("MAX_TOKENS") } == true)
    }

    @Test("a stream that breaks after text keeps the text, saved as incomplete with its error")
    func brokenStream() async throws {
        let fixture = try Fixture()
        let broken = GeminiError(.transport("connection reset by peer"))
        let provider = ScriptedProvider([ScriptedProvider.Script(events: [.text("The cat is ")], error: broken)])
        let failure = await #expect(throws: AskFailure.self) {
            try await fixture.pipeline(provider).ask(Question(task: .question, imagePaths: [fixture.image], words: "what?", model: "m"))
        }
        #expect(failure?.partialText == "The cat is ")
        let stored = try await fixture.store.history(imagePath: fixture.image).first
        #expect(stored?.text == "The cat is ")
        #expect(stored?.isComplete == false)
        #expect(stored?.error?.contains("connection reset") == true)
        #expect(stored?.question == "what?")
    }

    @Test("cancelling mid-answer (Esc, Ctrl-C) still saves what arrived")
    func cancelledKeepsPartial() async throws {
        let fixture = try Fixture()
        let provider = ScriptedProvider([ScriptedProvider.Script(events: [.text("half an answer")], hang: .seconds(60))])
        let run = fixture.pipeline(provider).start(Question(task: .question, imagePaths: [fixture.image], words: "what?", model: "m"))
        var last: AskEvent?
        for await event in run.events {
            if case .text = event { run.cancel() }
            last = event
        }
        guard case .failed(let failure) = last else {
            Issue.record("the run did not end with a failure: \(String(describing: last))")
            return
        }
        #expect(failure.isCancellation)
        #expect(failure.outcome?.stored?.text == "half an answer")
        #expect(try await fixture.store.history(imagePath: fixture.image).first?.isComplete == false)
        #expect(try await fixture.store.history(imagePath: fixture.image).first?.error == "cancelled", "plain words, not CancellationError()")
    }

    @Test("a cached upload the service lost is forgotten and uploaded again, once")
    func uploadGone() async throws {
        let fixture = try Fixture()
        let gone = GeminiError(.http(status: 403, rpc: RPCStatus(code: 403, message: "You do not have permission to access the File abc or it may not exist."), body: nil))
        let provider = ScriptedProvider([ScriptedProvider.answer(Self.boxes), ScriptedProvider.Script(events: [], error: gone), ScriptedProvider.answer(Self.boxes)])
        let pipeline = fixture.pipeline(provider, inlineLimit: 1000)
        _ = try await pipeline.ask(Self.detect(fixture.image))
        #expect(provider.uploads == 1)
        let outcome = try await pipeline.ask(Self.detect(fixture.image))
        #expect(provider.uploads == 2)
        #expect(outcome.detections.count == 2)
        #expect(provider.requests.count == 3)
        #expect(provider.requests.allSatisfy { !$0.uploadedFiles.isEmpty })
    }

    @Test("detect keeps the person's words and exact pixel geometry; the template is kept apart as the prompt")
    func wordsAndGeometry() async throws {
        let fixture = try Fixture()
        let provider = ScriptedProvider([ScriptedProvider.answer(Self.boxes)])
        let outcome = try await fixture.pipeline(provider).ask(Self.detect(fixture.image))
        #expect(outcome.stored?.question == "cups")
        #expect(outcome.stored?.prompt.hasPrefix("Detect the 2d bounding boxes of the cups.") == true)
        #expect(outcome.stored?.model == "gemini-2.5-flash")
        #expect(outcome.stored?.modelVersion == "test-model-001")
        // 451×300 upright; box_2d [100, 200, 500, 600] → x 90.2…270.6, y 30…150, not rounded to 1/1000.
        let box = try #require(outcome.detections.first?.detection.box)
        #expect(abs(box.x0 - 90.2) < 1e-9 && abs(box.x1 - 270.6) < 1e-9 && box.y0 == 30 && box.y1 == 150)
        #expect(outcome.usage.estimatedImageTokens == ImageTokenEstimate.tokens(width: 451, height: 300))
        #expect(outcome.stored?.usage?.estimatedImageTokens == outcome.usage.estimatedImageTokens)
        let history = try await fixture.store.history(imagePath: fixture.image)
        #expect(history.first?.question == "cups")
        #expect(history.first?.usage == outcome.usage)
    }

    @Test("a question about two images marks both answered, and both histories name it")
    func multiImage() async throws {
        let fixture = try Fixture()
        let provider = ScriptedProvider([ScriptedProvider.answer("The second has a saucer.")])
        _ = try await fixture.pipeline(provider).ask(
            Question(task: .question, imagePaths: [fixture.image, fixture.second], words: "what changed?", model: "m"))
        let statuses = try await fixture.store.imageStatuses(inFolder: fixture.folder.path)
        #expect(statuses.count == 2)
        #expect(statuses.allSatisfy { $0.hasAnswer })
        let second = try await fixture.store.history(imagePath: fixture.second)
        #expect(second.first?.imagePaths == [fixture.image, fixture.second].map(Store.canonicalPath))
        #expect(provider.requests.first?.parts.filter { if case .inline = $0 { true } else { false } }.count == 2)
    }

    @Test("spatial questions take one image")
    func spatialOneImage() async throws {
        let fixture = try Fixture()
        let failure = await #expect(throws: AskFailure.self) {
            try await fixture.pipeline(ScriptedProvider([])).ask(
                Question(task: .detect, imagePaths: [fixture.image, fixture.second], model: "m"))
        }
        #expect((failure?.error as? AskError)?.isUsageError == true)
    }

    @Test("a second run replaces the set, carries decisions to matching boxes, and exports only the current set")
    func rerunCarriesDecisions() async throws {
        let fixture = try Fixture()
        let moved = #"[{"box_2d": [102, 201, 502, 601], "label": "cup"}, {"box_2d": [700, 700, 900, 900], "label": "spoon"}]"#
        let provider = ScriptedProvider([ScriptedProvider.answer(Self.boxes), ScriptedProvider.answer(moved)])
        let pipeline = fixture.pipeline(provider)
        let first = try await pipeline.ask(Self.detect(fixture.image))
        try await fixture.store.setReview(detectionID: first.detections[0].id, to: .accepted)
        try await fixture.store.setReview(detectionID: first.detections[1].id, to: .rejected)

        let second = try await pipeline.ask(Self.detect(fixture.image))
        #expect(second.saved?.carriedDecisions == 1)
        #expect(second.saved?.droppedDecisions == 1)
        #expect(second.notes.contains { $0.contains("1 review decision carried over") })
        #expect(second.detections.map(\.review) == [.accepted, .pending])

        let current = try await fixture.store.currentDetections(imagePath: fixture.image)
        #expect(current.map(\.id) == second.detections.map(\.id))
        let batch = try await fixture.store.exportSelection(imagePaths: [fixture.image])
        #expect(batch.detectionCount == 2)
        #expect(batch.summary == "1 image, 2 detections (1 accepted, 1 unreviewed)")
        let allRuns = try await fixture.store.exportSelection(imagePaths: [fixture.image], selection: ExportSelection(allRuns: true))
        #expect(allRuns.detectionCount == 3)
        #expect(allRuns.rejectedLeftOut == 1)
        #expect(allRuns.summary.hasSuffix("; 1 rejected left out)"))
    }
}

/// The same pipeline through the real Gemini client and the fake server.
@Suite("AskPipeline against the fake server")
struct AskPipelineServerTests {
    @Test("a second question on a large image sends no image bytes; a file the service lost is uploaded again")
    func uploadReuseAndFileGone() async throws {
        let server = try await FakeGeminiServer.start(apiKey: "k")
        let answer = try TestPaths.response("Spatial_understanding__cell32__b9ba9e57.txt")
        server.setDefault(.answer(answer), for: .generateContent)
        let store = try Store(url: try TestPaths.temporaryDirectory().appendingPathComponent("squint.db"))
        let image = try TestPaths.corpusFile("orientation/upright.png").path
        let client = GeminiClient(configuration: GeminiConfiguration(apiKey: "k", baseURL: server.baseURL, retryPolicy: RetryPolicy(maxAttempts: 1)),
                                  environment: [:])
        var pipeline = AskPipeline(provider: client, store: store, configuration: SquintConfiguration())
        pipeline.inlineLimit = 1000  // every image goes through the Files API
        let question = Question(task: .detect, imagePaths: [image], words: "socks", model: "gemini-2.5-flash", streaming: false)
        do {
            let first = try await pipeline.ask(question)
            let second = try await pipeline.ask(question)
            #expect(server.requests(for: .uploadStart).count == 1)
            #expect(first.detections.map(\.detection) == second.detections.map(\.detection))
            #expect(first.detections.count == 2)
            // 451x300 upright; [53, 248, 388, 527] → x0 = 248 × 0.451
            #expect(first.detections[0].detection.box?.x0 == 111.848)
            let bodies = server.requests(for: .generateContent).map(\.bodyText)
            #expect(bodies.allSatisfy { !$0.contains("inlineData") && $0.contains("fileData") })

            server.enqueue(.googleError(status: 403, message: "You do not have permission to access the File abc or it may not exist."), for: .generateContent)
            let third = try await pipeline.ask(question)
            #expect(third.detections.count == 2)
            #expect(server.requests(for: .uploadStart).count == 2)
        } catch {
            Issue.record("\(error)")
        }
        try await client.shutdown()
        try await server.stop()
    }

    @Test("the configured temperature and thinking budget replace the spatial defaults")
    func overrides() throws {
        let store = try Store(url: try TestPaths.temporaryDirectory().appendingPathComponent("squint.db"))
        var configuration = SquintConfiguration()
        configuration.spatial.temperature = 0.2
        configuration.spatial.thinkingBudget = 64
        let pipeline = AskPipeline(provider: ScriptedProvider([]), store: store, configuration: configuration)
        let flash = pipeline.prompt(for: Question(task: .detect, imagePaths: [], model: "gemini-2.5-flash"))
        #expect(flash.temperature == 0.2 && flash.thinkingBudget == 64)
        configuration.spatial.thinkingBudget = 0
        let zero = AskPipeline(provider: ScriptedProvider([]), store: store, configuration: configuration)
        #expect(zero.prompt(for: Question(task: .detect, imagePaths: [], model: "gemini-2.5-pro")).thinkingBudget == 128)
        #expect(zero.prompt(for: Question(task: .point, imagePaths: [], model: "gemini-3-flash-preview")).thinkingBudget == nil)
        #expect(zero.prompt(for: Question(task: .caption, imagePaths: [], model: "gemini-2.5-flash")).temperature == nil)
        #expect(zero.prompt(for: Question(task: .question, imagePaths: [], words: "x", model: "m", temperature: 0.9)).temperature == 0.9)
    }
}
