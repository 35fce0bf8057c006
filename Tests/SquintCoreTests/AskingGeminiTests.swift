import Foundation
import GeminiAPI
import GeminiTestServer
import Testing
@testable import SquintCore

/// The planner's output on the wire, and the whole ask flow against the fake server with the real client.
@Suite struct AskingGeminiTests {
    func encoded(_ request: GenerateContentRequest) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(request)) as? [String: Any])
    }

    @Test func plannedPartsBecomeCamelCaseWireParts() throws {
        let plan = PlannedRequest(model: "m", parts: [.inline(mimeType: "image/png", bytes: [1, 2, 3]),
                                                      .file(mimeType: "image/jpeg", uri: "https://x/files/a"), .text("q")],
                                  options: AskOptions(model: "m", systemInstruction: "sys", temperature: 0.5, thinkingBudget: 0),
                                  estimatedBytes: 0, uploadedFiles: ["files/a"])
        let body = try encoded(plan.generateContentRequest)
        let content = try #require((body["contents"] as? [[String: Any]])?.first)
        #expect(content["role"] as? String == "user")
        let parts = try #require(content["parts"] as? [[String: Any]])
        #expect((parts[0]["inlineData"] as? [String: Any])?["data"] as? String == "AQID")
        #expect((parts[0]["inlineData"] as? [String: Any])?["mimeType"] as? String == "image/png")
        #expect((parts[1]["fileData"] as? [String: Any])?["fileUri"] as? String == "https://x/files/a")
        #expect(parts[2]["text"] as? String == "q")
        let config = try #require(body["generationConfig"] as? [String: Any])
        #expect(config["temperature"] as? Double == 0.5)
        #expect((config["thinkingConfig"] as? [String: Any])?["thinkingBudget"] as? Int == 0)
        #expect(((body["systemInstruction"] as? [String: Any])?["parts"] as? [[String: Any]])?.first?["text"] as? String == "sys")
    }

    @Test func unsetOptionsLeaveTheServiceDefaults() throws {
        let plan = PlannedRequest(model: "m", parts: [.text("q")], options: AskOptions(model: "m"), estimatedBytes: 0, uploadedFiles: [])
        let body = try encoded(plan.generateContentRequest)
        #expect(body["generationConfig"] == nil)
        #expect(body["systemInstruction"] == nil)
    }

    @Test func visionModelsLeaveOutTextOnlyFamilies() {
        let names = ["gemini-2.5-flash", "gemini-2.5-flash-preview-tts", "gemini-embedding-001", "imagen-4.0-generate-001",
                     "aqa", "gemini-2.5-flash-native-audio-dialog", "gemini-2.0-flash"]
        let models = names.map { Model(name: "models/\($0)", supportedGenerationMethods: ["generateContent"]) }
            + [Model(name: "models/text-only-old", supportedGenerationMethods: ["predict"])]
        #expect(VisionModels.filter(models).map(\.shortName) == ["gemini-2.0-flash", "gemini-2.5-flash"])
    }

    @Test func uploadedFileFromTheWire() {
        var file = GeminiFile(name: "files/a", uri: "u", mimeType: "image/png", state: .processing)
        file.expirationTime = "2026-11-26T21:00:00.123456Z"
        let uploaded = UploadedFile(file, mimeType: nil)
        #expect(uploaded.state == .processing)
        let expiry = uploaded.expirationTime?.timeIntervalSince1970 ?? 0
        #expect(abs(expiry - 1_795_726_800.123) < 0.001)
        #expect(UploadedFile.parseTimestamp("2026-11-26T21:00:00Z") == Date(timeIntervalSince1970: 1_795_726_800))
        #expect(UploadedFile(GeminiFile(name: "files/b"), mimeType: "image/jpeg").state == .unknown)
    }

    @Test func clientSettingsCarryTimeoutsAndRetries() throws {
        let folder = try ConfigTestFolder()
        try folder.write("base_url = \"http://config\"\n[retry]\nmax_attempts = 2\ninitial_backoff = \"5ms\"\n[timeouts]\nstream_idle = 7\n",
                         to: "squint/config.toml")
        let settings = try SquintSettings.resolve(environment: ["XDG_CONFIG_HOME": folder.path, "GOOGLE_API_KEY": "k",
                                                                "GEMINI_API_KEY": "g"])
        #expect(settings.warnings == [APIKeyResolver.bothSetWarning])
        let gemini = try settings.gemini()
        #expect(gemini.apiKey == "k")
        #expect(gemini.baseURL == "http://config")
        #expect(gemini.retryPolicy.maxAttempts == 2)
        #expect(gemini.retryPolicy.initialBackoff == .milliseconds(5))
        #expect(gemini.streamIdleTimeout == .seconds(7))
        let flagged = try SquintSettings.resolve(environment: ["XDG_CONFIG_HOME": folder.path, "GOOGLE_API_KEY": "k"],
                                                 baseURLFlag: "http://flag")
        #expect(flagged.baseURL == "http://flag")
    }

    /// The real client and planner against the fake server: the big image is uploaded and polled until ACTIVE,
    /// the small one stays inline, and the answer streams back.
    @Test func plannedAnswerUploadsWhatMustBeUploaded() async throws {
        let server = try await FakeGeminiServer.start(apiKey: "k")
        server.setFileProcessing(polls: 2)
        let configuration = GeminiConfiguration(apiKey: "k", baseURL: server.baseURL,
                                                retryPolicy: RetryPolicy(maxAttempts: 2, initialBackoff: .milliseconds(1)))
        let events: [StreamEvent] = try await GeminiClient.withClient(configuration: configuration, environment: [:]) { client in
            let planner = RequestPlanner(uploader: client, cache: InMemoryUploadCache(), inlineLimit: 50_000,
                                         pollInterval: .milliseconds(1))
            let ask = Ask(images: [try AskFixtures.png(size: 60_000, name: "big.png"), try AskFixtures.png(size: 100, name: "s.png")],
                          question: "What?", options: AskOptions(model: "gemini-2.5-flash"))
            let plan = try await planner.plan(ask)
            var events: [StreamEvent] = []
            for try await event in client.answer(plan, streaming: true) { events.append(event) }
            return events
        }
        try await server.stop()
        #expect(events.compactMap { if case .text(let text) = $0 { text } else { nil } }.joined() == "This is a fake answer.")
        #expect(server.requests(for: .getFile).count == 3)
        let file = try #require(server.files.first)
        #expect(file.bytes.count == 60_000)
        #expect(file.displayName == "big.png")
        let parts = server.requests(for: .streamGenerateContent).first?.jsonObject()
            .flatMap { ($0["contents"] as? [[String: Any]])?.first?["parts"] as? [[String: Any]] } ?? []
        #expect((parts.first?["fileData"] as? [String: Any])?["fileUri"] as? String == file.uri)
        #expect(parts[1]["inlineData"] != nil)
        #expect(parts[2]["text"] as? String == "What?")
    }
}
