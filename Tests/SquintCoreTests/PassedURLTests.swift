import Foundation
@testable import GeminiAPI
import GeminiTestServer
import Imaging
import Testing
@testable import SquintCore

/// `--url-mode pass`: the URL goes to Gemini as `fileData.fileUri`, squint reads only the first bytes, and every
/// case where passing cannot work falls back to downloading with a note. The real client and pipeline against
/// the fake server, whose pages stand in for the web (plain http, so the https rule is lifted here).
@Suite("images passed by URL")
struct PassedURLTests {
    struct Fixture {
        let server: FakeGeminiServer
        let folder: URL
        let store: Store

        static func start() async throws -> Fixture {
            let folder = try TestPaths.temporaryDirectory()
            return Fixture(server: try await FakeGeminiServer.start(apiKey: "k"), folder: folder,
                           store: try Store(url: folder.appendingPathComponent("squint.db")))
        }

        /// Asks `question` through the real client, passing URLs by default.
        func ask(_ question: Question, mode: URLMode = .pass) async throws -> AskOutcome {
            var question = question
            question.urlMode = mode
            let configuration = GeminiConfiguration(apiKey: "k", baseURL: server.baseURL,
                                                    retryPolicy: RetryPolicy(maxAttempts: 1, initialBackoff: .milliseconds(1)))
            let store = self.store, folder = self.folder
            return try await GeminiClient.withClient(configuration: configuration, environment: [:]) { client in
                var pipeline = AskPipeline(provider: client, store: store, configuration: SquintConfiguration())
                pipeline.remoteImages = RemoteImages(environment: ["XDG_CACHE_HOME": folder.appendingPathComponent("cache").path],
                                                     downloadLimit: 50_000_000)
                pipeline.remoteImages.passRequiresHTTPS = false
                return try await pipeline.ask(question)
            }
        }

        func serve(_ path: String, corpus: String, ranges: Bool = true) throws -> String {
            let bytes = [UInt8](try Data(contentsOf: TestPaths.corpusFile(corpus)))
            server.serveFile(path, bytes: bytes, contentType: "application/octet-stream", ranges: ranges)
            return server.pageURL(path)
        }

        /// The image parts of the `index`th generate request.
        func sentImageParts(_ index: Int = 0, route: FakeRoute = .streamGenerateContent) -> [[String: Any]] {
            let contents = server.requests(for: route)[index].jsonObject()?["contents"] as? [[String: Any]] ?? []
            let parts = contents.first?["parts"] as? [[String: Any]] ?? []
            return parts.filter { $0["text"] == nil }
        }
    }

    @Test("a passed URL is sent as fileData with the type from its bytes; only the first 512 KB are asked for; the answer is stored under the URL")
    func passedAsFileData() async throws {
        let fixture = try await Fixture.start()
        let url = try fixture.serve("/photos/camera", corpus: "large/camera_6000x4000.jpg")
        fixture.server.enqueue(.streamedAnswer(["A camera."]), for: .streamGenerateContent)
        let outcome = try await fixture.ask(Question(task: .question, imagePaths: [url], words: "what is it?", model: "gemini-3-flash-preview"))
        try await fixture.server.stop()

        #expect(outcome.answer.text == "A camera.")
        #expect(outcome.images == [SentImage(path: url, mimeType: "image/jpeg", sentAs: "url")])
        let parts = fixture.sentImageParts()
        #expect(parts.count == 1)
        let fileData = try #require(parts.first?["fileData"] as? [String: Any])
        #expect(fileData["fileUri"] as? String == url)
        #expect(fileData["mimeType"] as? String == "image/jpeg")
        let page = try #require(fixture.server.requests.first { $0.path == "/photos/camera" })
        #expect(page.header("range") == "bytes=0-524287")
        #expect(outcome.imageSize == PixelSize(width: 6000, height: 4000), "the size comes from the header in the first bytes")
        #expect(outcome.usage.estimatedImageTokens == 1120, "Gemini 3's default (high) per-image maximum")
        let history = try await fixture.store.history(imagePath: url)
        #expect(history.count == 1 && history.first?.imagePath == url)
        #expect(outcome.notes.isEmpty, "\(outcome.notes)")
    }

    @Test("a server that ignores Range still works: squint stops reading after the first 512 KB")
    func serverIgnoringRanges() async throws {
        let fixture = try await Fixture.start()
        let url = try fixture.serve("/elephants.jpg", corpus: "large/Elephants_5640x3172.jpg", ranges: false)
        fixture.server.enqueue(.answer(#"[{"box_2d": [0, 0, 500, 500], "label": "elephant"}]"#), for: .generateContent)
        var question = Question(task: .detect, imagePaths: [url], words: "elephants", model: "gemini-2.5-flash")
        question.streaming = false
        let outcome = try await fixture.ask(question)
        try await fixture.server.stop()
        #expect(outcome.images.first?.sentAs == "url")
        #expect(fixture.sentImageParts(route: .generateContent).first?["fileData"] != nil)
        let box = try #require(outcome.detections.first?.detection.box)
        #expect(box.x1 == 2820 && box.y1 == 1586, "0–1000 mapped onto the 5640×3172 size read from the first bytes: \(box)")
    }

    @Test("where passing cannot work the image is downloaded and sent inline, with a note saying why")
    func fallbacks() async throws {
        let fixture = try await Fixture.start()
        let rotated = try fixture.serve("/rotated.jpg", corpus: "orientation/orientation_6.jpg")
        fixture.server.serveFile("/tiny.gif", bytes: AskingImageTests.tinyGIF)
        let upright = try fixture.serve("/upright.png", corpus: "orientation/upright.png")
        let cases: [(Question, String)] = [
            (Question(task: .detect, imagePaths: [rotated], words: "cats", model: "gemini-2.5-flash"), "its EXIF orientation turns it, and the boxes must fit the upright picture"),
            (Question(task: .question, imagePaths: [fixture.server.pageURL("/tiny.gif")], words: "?", model: "gemini-2.5-flash"),
             "Gemini fetches JPEG, PNG and WebP by URL, and this is GIF"),
            (Question(task: .question, imagePaths: [upright], words: "?", model: "gemini-2.0-flash"), "gemini-2.0-flash does not fetch images by URL"),
        ]
        for (index, (question, reason)) in cases.enumerated() {
            fixture.server.enqueue(.streamedAnswer(["[]"]), for: .streamGenerateContent)
            let outcome = try await fixture.ask(question)
            let url = try #require(question.imagePaths.first)
            #expect(outcome.notes.contains("\(url): downloaded, not passed: \(reason)"), "\(outcome.notes)")
            #expect(outcome.images.first?.sentAs == "inline")
            #expect(fixture.sentImageParts(index).first?["inlineData"] != nil)
            #expect(outcome.question.imagePaths.first?.contains("/cache/squint/downloads/") == true, "asked about the local copy")
        }
        // A rotated image is passed for a question: only boxes need the upright picture.
        fixture.server.enqueue(.streamedAnswer(["A cat."]), for: .streamGenerateContent)
        let question = try await fixture.ask(Question(task: .question, imagePaths: [rotated], words: "?", model: "gemini-2.5-flash"))
        #expect(question.images.first?.sentAs == "url")
        #expect(question.imageSize == PixelSize(width: 451, height: 300), "the upright size (stored 300×451, turned by orientation 6)")
        try await fixture.server.stop()
    }

    @Test("a URL Gemini cannot fetch (its 400) is downloaded and asked again, once, with a note")
    func serviceCannotFetch() async throws {
        let fixture = try await Fixture.start()
        let url = try fixture.serve("/signed.png", corpus: "orientation/upright.png")
        fixture.server.refusesURLFetches = true
        fixture.server.enqueue(.streamedAnswer(["A test card."]), for: .streamGenerateContent)
        let outcome = try await fixture.ask(Question(task: .question, imagePaths: [url], words: "what?", model: "gemini-2.5-flash"))
        try await fixture.server.stop()
        #expect(fixture.server.requests(for: .streamGenerateContent).count == 2)
        #expect(fixture.sentImageParts(0).first?["fileData"] != nil)
        #expect(fixture.sentImageParts(1).first?["inlineData"] != nil)
        #expect(outcome.answer.text == "A test card.")
        #expect(outcome.notes.contains { $0.hasPrefix("Gemini could not fetch \(url) (Cannot fetch content from the provided URL.)") }, "\(outcome.notes)")
        #expect(outcome.stored?.imagePath.contains("/cache/squint/downloads/") == true)
    }

    @Test("a follow-up about a passed image sends the URL again with the earlier turn; 404 and non-images are one line")
    func followUpAndFailures() async throws {
        let fixture = try await Fixture.start()
        let url = try fixture.serve("/cup.png", corpus: "orientation/upright.png")
        fixture.server.enqueue(.streamedAnswer(["A cup."]), for: .streamGenerateContent)
        let first = try await fixture.ask(Question(task: .question, imagePaths: [url], words: "what is it?", model: "gemini-2.5-flash"))
        fixture.server.enqueue(.streamedAnswer(["Blue."]), for: .streamGenerateContent)
        var followUp = Question(task: .question, imagePaths: [], words: "what colour?", model: "gemini-2.5-flash")
        followUp.conversationID = try #require(first.conversationID)
        let second = try await fixture.ask(followUp)
        #expect(second.answer.text == "Blue.")
        let contents = try #require(fixture.server.requests(for: .streamGenerateContent)[1].jsonObject()?["contents"] as? [[String: Any]])
        #expect(contents.count == 3)
        let firstTurn = contents[0]["parts"] as? [[String: Any]] ?? []
        #expect((firstTurn.first?["fileData"] as? [String: Any])?["fileUri"] as? String == url)
        #expect(try await fixture.store.conversation(id: followUp.conversationID!)?.imagePaths == [url])

        fixture.server.servePage("/gone.jpg", .text("nope", status: 404))
        fixture.server.serveFile("/page", bytes: Array("<html>hello</html>".utf8), contentType: "text/html")
        for (path, reason) in [("/gone.jpg", "HTTP 404 Not Found"), ("/page", "not an image (text/html, 18 bytes)")] {
            let failure = await #expect(throws: AskFailure.self) {
                try await fixture.ask(Question(task: .question, imagePaths: [fixture.server.pageURL(path)], words: "?", model: "gemini-2.5-flash"))
            }
            #expect("\(failure?.error ?? CancellationError())" == "\(fixture.server.pageURL(path)): \(reason)")
        }
        #expect(fixture.server.requests(for: .streamGenerateContent).count == 2, "nothing asked after a failed URL")
        try await fixture.server.stop()
    }

    @Test("plain http is downloaded when the https rule holds; Content-Range gives the whole size")
    func httpAndSizes() async throws {
        let fixture = try await Fixture.start()
        let url = try fixture.serve("/cup.png", corpus: "orientation/upright.png")
        var remote = RemoteImages(environment: [:], downloadLimit: 1_000_000)
        #expect(try await remote.reference(to: url, task: .question, model: "gemini-2.5-flash")
            == .download(because: "Gemini fetches only https URLs"))
        remote.passRequiresHTTPS = false
        guard case .passed(let image) = try await remote.reference(to: url, task: .question, model: "gemini-2.5-flash") else {
            Issue.record("not passed")
            return
        }
        let size = try FileManager.default.attributesOfItem(atPath: TestPaths.corpusFile("orientation/upright.png").path)[.size] as? Int
        #expect(image.byteSize == size.map(Int64.init))
        #expect(image.mimeType == "image/png")
        try await fixture.server.stop()
        #expect(MediaFetcher.totalSize(contentRange: "bytes 0-524287/7361170") == 7_361_170)
        #expect(MediaFetcher.totalSize(contentRange: "bytes 0-10/*") == nil)
    }
}
