import Foundation
import GeminiTestServer
import Testing

/// The per-family request settings as the fake server receives them from the real binary, `--count-tokens`,
/// and the segmentation advisory.
@Suite("model settings end to end")
struct ModelSettingsEndToEndTests {
    static let boxes = #"[{"box_2d": [100, 100, 500, 500], "label": "cup"}]"#

    @Test("detect with Gemini 3 and --media-resolution: thinkingLevel, no temperature, the level on the image part")
    func gemini3Request() async throws {
        try await CLIHarness.with { h in
            h.server.setDefault(.answer(Self.boxes), for: .generateContent)
            let result = try await h.run(["detect", CLIHarness.corpusJPEG, "--model", "gemini-3-pro-preview", "--media-resolution", "high"])
            #expect(result.status == 0, "\(result.stderr)")
            let body = try #require(h.server.requests(for: .generateContent).first?.jsonObject())
            let config = try #require(body["generationConfig"] as? [String: Any])
            #expect((config["thinkingConfig"] as? [String: Any])?["thinkingLevel"] as? String == "LOW")
            #expect(config["temperature"] == nil)
            let parts = try #require(((body["contents"] as? [[String: Any]])?.first?["parts"]) as? [[String: Any]])
            #expect((parts.first?["mediaResolution"] as? [String: Any])?["level"] as? String == "MEDIA_RESOLUTION_HIGH")

            let flash = try await h.run(["detect", CLIHarness.corpusJPEG, "--media-resolution", "low"])
            #expect(flash.status == 0)
            let second = try #require(h.server.requests(for: .generateContent).last?.jsonObject())
            let flashConfig = try #require(second["generationConfig"] as? [String: Any])
            #expect(flashConfig["mediaResolution"] as? String == "MEDIA_RESOLUTION_LOW")
            #expect((flashConfig["thinkingConfig"] as? [String: Any])?["thinkingBudget"] as? Int == 0)

            let ultra = try await h.run(["detect", CLIHarness.corpusJPEG, "--media-resolution", "ultra-high"])
            #expect(ultra.status == 2)
            #expect(ultra.stderr.contains("ultra-high is set per image, which only Gemini 3 models take"), "\(ultra.stderr)")
        }
    }

    @Test("ask --count-tokens prints the service's count and generates nothing; segmenting with Gemini 3 warns")
    func countTokensAndAdvice() async throws {
        try await CLIHarness.with { h in
            let counted = try await h.run(["ask", CLIHarness.corpusJPEG, "-p", "what is in this picture?", "--count-tokens"])
            #expect(counted.status == 0, "\(counted.stderr)")
            #expect(Int(counted.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 258, "\(counted.stdout)")
            #expect(h.server.requests(for: .countTokens).count == 1)
            #expect(h.server.requests(for: .streamGenerateContent).isEmpty && h.server.requests(for: .generateContent).isEmpty)

            h.server.setDefault(.answer("[]"), for: .generateContent)
            let segmented = try await h.run(["segment", CLIHarness.corpusJPEG, "--model", "gemini-3-flash-preview"])
            #expect(segmented.status == 0, "\(segmented.stderr)")
            #expect(segmented.stderr.contains("Google advises gemini-2.5-flash (thinking off) for segmentation"), "\(segmented.stderr)")
            #expect(h.server.requests(for: .generateContent).last?.path.contains("gemini-3-flash-preview") == true)
        }
    }

    @Test("a model that refuses its thinking level with a 400 is asked once more without it, and the note says so")
    func thinkingLevelFallback() async throws {
        try await CLIHarness.with { h in
            h.server.setDefault(.answer(Self.boxes), for: .generateContent)
            h.server.refusedThinkingLevels = ["LOW"]
            let result = try await h.run(["detect", CLIHarness.corpusJPEG, "--model", "gemini-3-pro-preview"])
            #expect(result.status == 0, "\(result.stderr)")
            let requests = h.server.requests(for: .generateContent)
            #expect(requests.count == 2)
            let second = try #require(requests.last?.jsonObject()?["generationConfig"] as? [String: Any])
            #expect(second["thinkingConfig"] == nil)
            #expect(result.stderr.contains("gemini-3-pro-preview refused thinking level LOW; asked again with the model's default thinking"), "\(result.stderr)")
            #expect(result.stdout.contains("cup"))
        }
    }
}
