import Foundation
@testable import GeminiAPI
import Testing
@testable import SquintCore

/// The per-family table: what each family's requests carry (thinking, temperature, media resolution per part
/// or for the request), what images cost before sending, the segmentation advisory, and the fallback when a
/// model refuses a thinking setting.
@Suite("Model families")
struct ModelFamilyTests {
    @Test("names map to their family, the longest prefix winning", arguments: [
        ("gemini-2.5-flash", "Gemini 2.5 Flash"), ("models/gemini-2.5-flash-lite-001", "Gemini 2.5 Flash-Lite"),
        ("gemini-2.5-pro", "Gemini 2.5 Pro"), ("gemini-3-pro-preview", "Gemini 3 Pro"), ("gemini-3.1-pro-preview", "Gemini 3 Pro"),
        ("gemini-3-flash-preview", "Gemini 3 Flash"), ("gemini-2.0-flash", "other"), ("gemma-3-27b-it", "other"),
    ])
    func families(model: String, family: String) {
        #expect(ModelFamily.of(model).name == family)
    }

    /// The `generationConfig` and first image part of a detect request for `model`, as JSON objects.
    static func request(_ model: String, resolution: MediaResolution? = nil, temperature: Double? = nil) throws -> (config: [String: Any]?, image: [String: Any]) {
        let prompt = TaskPrompt.make(.detect, model: model)
        var options = AskOptions(model: model, systemInstruction: prompt.systemInstruction, temperature: temperature ?? prompt.temperature,
                                 thinkingBudget: prompt.thinkingBudget)
        options.thinkingLevel = prompt.thinkingLevel
        options.mediaResolution = resolution
        let plan = PlannedRequest(model: model, parts: [.inline(mimeType: "image/png", bytes: [1, 2, 3]), .text(prompt.prompt)],
                                  options: options, estimatedBytes: 100, uploadedFiles: [])
        let data = try JSONEncoder().encode(plan.generateContentRequest)
        let body = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let parts = try #require(((body["contents"] as? [[String: Any]])?.first?["parts"]) as? [[String: Any]])
        return (body["generationConfig"] as? [String: Any], parts[0])
    }

    @Test("Gemini 3: thinkingLevel without a budget, no temperature unless set, media resolution on the image part")
    func gemini3Shape() throws {
        let (config, image) = try Self.request("gemini-3-flash-preview", resolution: .ultraHigh)
        let thinking = try #require(config?["thinkingConfig"] as? [String: Any])
        #expect(thinking["thinkingLevel"] as? String == "LOW")
        #expect(thinking["thinkingBudget"] == nil)
        #expect(config?["temperature"] == nil)
        #expect(config?["mediaResolution"] == nil)
        #expect((image["mediaResolution"] as? [String: Any])?["level"] as? String == "MEDIA_RESOLUTION_ULTRA_HIGH")
        let chosen = try Self.request("gemini-3-pro-preview", temperature: 0.2)
        #expect(chosen.config?["temperature"] as? Double == 0.2, "a temperature the person set is sent")
    }

    @Test("Gemini 2.5: thinkingBudget (0 on Flash, 128 on Pro), temperature 0.5, media resolution for the whole request")
    func gemini25Shape() throws {
        let (config, image) = try Self.request("gemini-2.5-flash", resolution: .low)
        #expect((config?["thinkingConfig"] as? [String: Any])?["thinkingBudget"] as? Int == 0)
        #expect((config?["thinkingConfig"] as? [String: Any])?["thinkingLevel"] == nil)
        #expect(config?["temperature"] as? Double == 0.5)
        #expect(config?["mediaResolution"] as? String == "MEDIA_RESOLUTION_LOW")
        #expect(image["mediaResolution"] == nil)
        let pro = try Self.request("gemini-2.5-pro")
        #expect((pro.config?["thinkingConfig"] as? [String: Any])?["thinkingBudget"] as? Int == 128)
        #expect(pro.config?["mediaResolution"] == nil)
    }

    @Test("spatial answers are asked for as JSON following the task's schema: PNG masks on 2.5, polygons on 3")
    func structuredOutput() async throws {
        let fixture = try AskPipelineTests.Fixture()
        let provider = ScriptedProvider([ScriptedProvider.answer("[]"), ScriptedProvider.answer("[]"), ScriptedProvider.answer("A cup.")])
        let pipeline = fixture.pipeline(provider)
        _ = try await pipeline.ask(Question(task: .segment, imagePaths: [fixture.image], model: "gemini-2.5-flash"))
        _ = try await pipeline.ask(Question(task: .segment, imagePaths: [fixture.image], model: "gemini-3-flash-preview"))
        _ = try await pipeline.ask(Question(task: .caption, imagePaths: [fixture.image], model: "gemini-2.5-flash"))
        func schema(_ index: Int) -> [String: JSONValue]? {
            guard case .object(let items)? = provider.requests[index].generateContentRequest.generationConfig?.responseJsonSchema?["items"],
                  case .object(let properties)? = items["properties"] else { return nil }
            return properties
        }
        #expect(provider.requests[0].generateContentRequest.generationConfig?.responseMimeType == "application/json")
        #expect(schema(0)?["mask"] == ["type": "string"])
        #expect(schema(1)?["mask"] == ["type": "array", "items": ["type": "array", "items": ["type": "number"]]])
        #expect(provider.requests[2].generateContentRequest.generationConfig?.responseJsonSchema == nil, "captions are free text")
    }

    @Test("image token estimates follow the level and the family")
    func tokenEstimates() {
        let three = ModelFamily.of("gemini-3-pro-preview"), flash = ModelFamily.of("gemini-2.5-flash")
        #expect(three.imageTokens(width: 4000, height: 3000, resolution: .low) == 280)
        #expect(three.imageTokens(width: 4000, height: 3000, resolution: .ultraHigh) == 2240)
        #expect(three.imageTokens(width: 4000, height: 3000, resolution: nil) == 1120)
        #expect(flash.imageTokens(width: 1536, height: 768, resolution: nil) == 2 * 258)
        #expect(flash.imageTokens(width: 1536, height: 768, resolution: .low) == 64)
        #expect(flash.imageTokens(width: 1536, height: 768, resolution: .high) == 256)
    }

    @Test("segmenting with a model Google does not advise for it warns, and still asks that model")
    func advice() async throws {
        #expect(ModelFamily.advice(task: .segment, model: "gemini-3-pro-preview")?.contains("gemini-2.5-flash") == true)
        #expect(ModelFamily.advice(task: .detect, model: "gemini-3-pro-preview") == nil)
        #expect(ModelFamily.advice(task: .segment, model: "gemini-2.5-flash") == nil)
        let fixture = try AskPipelineTests.Fixture()
        let provider = ScriptedProvider([ScriptedProvider.answer("[]")])
        let outcome = try await fixture.pipeline(provider).ask(Question(task: .segment, imagePaths: [fixture.image], model: "gemini-3-pro-preview"))
        #expect(outcome.notes.contains { $0.contains("Google advises gemini-2.5-flash") })
        #expect(provider.requests.first?.model == "gemini-3-pro-preview")
    }

    @Test("ultra-high on a 2.5 model is a usage error before anything is sent")
    func ultraHighOn25() async throws {
        let fixture = try AskPipelineTests.Fixture()
        let provider = ScriptedProvider([])
        let failure = await #expect(throws: AskFailure.self) {
            try await fixture.pipeline(provider).ask(Question(task: .caption, imagePaths: [fixture.image], model: "gemini-2.5-flash", mediaResolution: .ultraHigh))
        }
        #expect((failure?.error as? AskError)?.isUsageError == true)
        #expect(provider.requests.isEmpty)
    }

    @Test("a 400 for the thinking level is asked once more with the model's default thinking, and says so")
    func thinkingFallback() async throws {
        let fixture = try AskPipelineTests.Fixture()
        let refused = GeminiError(.http(status: 400, rpc: RPCStatus(code: 400, message: "Thinking level MINIMAL is not supported for this model.", status: "INVALID_ARGUMENT"), body: nil))
        let provider = ScriptedProvider([ScriptedProvider.Script(events: [], error: refused), ScriptedProvider.answer("[]")])
        let outcome = try await fixture.pipeline(provider).ask(Question(task: .detect, imagePaths: [fixture.image], model: "gemini-3-pro-preview"))
        #expect(provider.requests.count == 2)
        #expect(provider.requests[0].options.thinkingLevel == "LOW")
        #expect(provider.requests[1].options.thinkingLevel == nil && provider.requests[1].options.thinkingBudget == nil)
        #expect(outcome.notes.contains { $0.contains("refused thinking level LOW") })
        // Any other 400 is not retried.
        let other = ScriptedProvider([ScriptedProvider.Script(events: [], error: GeminiError(.http(status: 400, rpc: RPCStatus(code: 400, message: "bad image"), body: nil)))])
        _ = await #expect(throws: AskFailure.self) {
            try await fixture.pipeline(other).ask(Question(task: .detect, imagePaths: [fixture.image], model: "gemini-3-pro-preview"))
        }
        #expect(other.requests.count == 1)
    }

    @Test("config: media_resolution and inline_limit_mb are read and checked")
    func configuration() throws {
        let (config, _) = try SquintConfiguration.parse("media_resolution = \"medium\"\ninline_limit_mb = 50\n")
        #expect(config.mediaResolution == .medium)
        #expect(config.inlineLimitBytes == 50_000_000)
        #expect(AskPipeline(provider: ScriptedProvider([]), store: try AskPipelineTests.Fixture().store, configuration: config).inlineLimit == 50_000_000)
        #expect(throws: ConfigurationError.self) { try SquintConfiguration.parse("media_resolution = \"huge\"\n") }
    }
}
