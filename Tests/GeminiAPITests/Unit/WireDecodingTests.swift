import Foundation
import Testing

@testable import GeminiAPI

@Suite("Lenient wire decoding")
struct WireDecodingTests {
    let decoder = JSONDecoder()

    @Test("a real stream chunk: text, usage, model version; unknown keys ignored")
    func streamChunk() throws {
        let response = try decoder.decode(GenerateContentResponse.self, from: Fixtures.data(Fixtures.streamChunk))
        #expect(response.text == "Hello")
        #expect(response.usageMetadata?.thoughtsTokenCount == 24)
        #expect(response.usageMetadata?.totalTokenCount == 30)
        #expect(response.modelVersion == "gemini-2.5-flash")
        #expect(response.blockReason == nil)
    }

    @Test("the final chunk has content with a role and no parts")
    func finalChunk() throws {
        let response = try decoder.decode(GenerateContentResponse.self, from: Fixtures.data(Fixtures.finalChunk))
        #expect(response.candidates.count == 1)
        #expect(response.candidates[0].content?.parts == [])
        #expect(response.candidates[0].content?.role == "model")
        #expect(response.finishReason == .stop)
        #expect(response.text == "")
    }

    @Test("a blocked prompt: no candidates, a block reason")
    func blocked() throws {
        let response = try decoder.decode(GenerateContentResponse.self, from: Fixtures.data(Fixtures.blockedPrompt))
        #expect(response.blockReason == .prohibitedContent)
        #expect(GeminiAnswer(response: response).blockedError?.category == .blocked)
        #expect(GeminiAnswer(response: response).blockMessage == "The prompt was blocked.")
    }

    @Test("thought parts stay apart from the answer")
    func thoughts() throws {
        let response = try decoder.decode(GenerateContentResponse.self, from: Fixtures.data(Fixtures.thoughtChunk))
        #expect(response.text == "There are four cupcakes.")
        #expect(response.thoughtText == "**Looking at the cupcakes**\nI see four.")
    }

    @Test("unknown enum values and wrong-typed fields do not fail the response")
    func unknownValues() throws {
        let json = """
            {"candidates": [{"content": {"parts": [{"text": "ok"}, {"functionCall": {"name": "f"}}, 42]},
              "finishReason": "SOMETHING_NEW", "index": "0", "safetyRatings": [{"category": "HARM_CATEGORY_FUTURE", "probability": 7}]}],
             "usageMetadata": {"promptTokenCount": "12", "totalTokenCount": 12.0}, "modelVersion": 5}
            """
        let response = try decoder.decode(GenerateContentResponse.self, from: Fixtures.data(json))
        #expect(response.text == "ok")
        #expect(response.finishReason == FinishReason(rawValue: "SOMETHING_NEW"))
        #expect(response.finishReason?.isBlocking == false)
        #expect(response.candidates[0].index == 0)
        #expect(response.candidates[0].safetyRatings.first?.category?.rawValue == "HARM_CATEGORY_FUTURE")
        #expect(response.candidates[0].safetyRatings.first?.probability == nil)
        #expect(response.usageMetadata?.promptTokenCount == 12)
        #expect(response.usageMetadata?.totalTokenCount == 12)
        #expect(response.modelVersion == nil)
    }

    @Test("an empty object decodes to an empty response")
    func emptyObject() throws {
        let response = try decoder.decode(GenerateContentResponse.self, from: Fixtures.data("{}"))
        #expect(response.candidates.isEmpty && response.text.isEmpty && response.usageMetadata == nil)
    }

    @Test("inline data in either base64 alphabet, with or without padding")
    func base64Alphabets() throws {
        let bytes: [UInt8] = [0xfb, 0xff, 0xfe, 0x00, 0x3e]
        for encoded in ["+//+AD4=", "-__-AD4=", "+//+AD4", "-__-AD4", "-__-\\nAD4"] {
            let json = #"{"mimeType": "image/png", "data": "\#(encoded)"}"#
            let blob = try decoder.decode(Blob.self, from: Fixtures.data(json))
            #expect(Array(blob.data) == bytes, "\(encoded)")
        }
        let padded = try decoder.decode(Blob.self, from: Fixtures.data(#"{"mimeType":"x","data":"YQ=="}"#))
        let unpadded = try decoder.decode(Blob.self, from: Fixtures.data(#"{"mimeType":"x","data":"YQ"}"#))
        #expect(Array(padded.data) == [0x61] && Array(unpadded.data) == [0x61])
    }

    @Test("a file with sizeBytes as a string, then as a number")
    func fileSizeBytes() throws {
        let envelope = try decoder.decode(FileEnvelope.self, from: Fixtures.data(Fixtures.uploadedFile))
        let file = try #require(envelope.file)
        #expect(file.name == "files/abc-123")
        #expect(file.sizeBytes == 123_456)
        #expect(file.state == .active)
        #expect(file.uri == "https://generativelanguage.googleapis.com/v1beta/files/abc-123")
        let numeric = try decoder.decode(GeminiFile.self, from: Fixtures.data(#"{"name":"files/x","sizeBytes":42,"state":"PROCESSING"}"#))
        #expect(numeric.sizeBytes == 42 && numeric.state == .processing)
        let failed = try decoder.decode(
            GeminiFile.self,
            from: Fixtures.data(#"{"name":"files/x","state":"FAILED","error":{"code":400,"message":"Unsupported image."}}"#))
        #expect(failed.state == .failed && failed.error?.message == "Unsupported image.")
    }

    @Test("a model list with a garbage entry and a numeric string limit")
    func models() throws {
        let page = try decoder.decode(ListModelsResponse.self, from: Fixtures.data(Fixtures.models))
        #expect(page.models.map(\.shortName) == ["gemini-2.5-flash", "embedding-001"])
        #expect(page.models[0].supportsGenerateContent && !page.models[1].supportsGenerateContent)
        #expect(page.models[1].inputTokenLimit == 2048)
        #expect(page.models[0].thinking == true)
        #expect(page.nextPageToken == "Ch5tb2RlbHMvZ2VtaW5pLTIuNS1mbGFzaA==")
    }

    @Test("the corpus' real model answers survive a round trip through a response")
    func corpusAnswers() throws {
        let folder = Fixtures.corpus.appendingPathComponent("gemini-responses")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
        try #require(!names.isEmpty)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let response = GenerateContentResponse(candidates: [
                Candidate(content: Content(role: "model", parts: [.text(text)]), finishReason: .stop)
            ])
            let encoded = try JSONEncoder().encode(CandidateEnvelope(response: response))
            let decoded = try decoder.decode(GenerateContentResponse.self, from: encoded)
            #expect(decoded.text == text, "\(name)")
        }
    }

    /// Encodes a response the way the service would (responses are decode-only in the client).
    struct CandidateEnvelope: Encodable {
        let response: GenerateContentResponse
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            try container.encode(
                response.candidates.map { ["content": $0.content!] }, forKey: AnyCodingKey("candidates"))
        }
    }
}

@Suite("Request encoding")
struct RequestEncodingTests {
    @Test("camelCase fields, images before text, nil fields omitted")
    func encodesCamelCase() throws {
        let request = GenerateContentRequest(
            contents: [
                Content(parts: [
                    .inline(Data([0xff, 0xd8, 0xff]), mimeType: "image/jpeg"),
                    .file(uri: "https://example/v1beta/files/x", mimeType: "image/png"),
                    .text("What is this?"),
                ])
            ],
            systemInstruction: Content(role: nil, parts: [.text("Be brief.")]),
            generationConfig: GenerationConfig(
                temperature: 0.5, maxOutputTokens: 100, responseMimeType: "application/json",
                responseSchema: ["type": "ARRAY", "items": ["type": "OBJECT"], "minItems": 1],
                thinkingConfig: ThinkingConfig(thinkingBudget: 0, includeThoughts: false)),
            safetySettings: [SafetySetting(category: .dangerousContent, threshold: .blockOnlyHigh)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(request), as: UTF8.self)
        #expect(
            json.contains(
                #"{"contents":[{"parts":[{"inlineData":{"data":"/9j/","mimeType":"image/jpeg"}},{"fileData":{"fileUri":"https://example/v1beta/files/x","mimeType":"image/png"}},{"text":"What is this?"}],"role":"user"}]"#
            ))
        #expect(
            json.contains(
                #""generationConfig":{"maxOutputTokens":100,"responseMimeType":"application/json","responseSchema":{"items":{"type":"OBJECT"},"minItems":1,"type":"ARRAY"},"temperature":0.5,"thinkingConfig":{"includeThoughts":false,"thinkingBudget":0}}"#
            ))
        #expect(json.contains(#""safetySettings":[{"category":"HARM_CATEGORY_DANGEROUS_CONTENT","threshold":"BLOCK_ONLY_HIGH"}]"#))
        #expect(json.contains(#""systemInstruction":{"parts":[{"text":"Be brief."}]}"#))
        #expect(!json.contains("null") && !json.contains("topK"))
    }

    @Test("countTokens wraps the whole request with the model name")
    func countTokensBody() throws {
        let request = GenerateContentRequest(contents: [Content(parts: [.text("hi")])])
        let body = CountTokensRequest(model: "models/gemini-2.5-flash", request: request)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(body), as: UTF8.self)
        #expect(json == #"{"generateContentRequest":{"contents":[{"parts":[{"text":"hi"}],"role":"user"}],"model":"models\/gemini-2.5-flash"}}"#)
    }

    @Test("model and file names are normalised")
    func names() {
        #expect(GeminiClient.modelPath("gemini-2.5-flash") == "models/gemini-2.5-flash")
        #expect(GeminiClient.modelPath("models/gemini-2.5-flash") == "models/gemini-2.5-flash")
        #expect(GeminiClient.filePath("abc") == "files/abc")
        #expect(GeminiClient.filePath("files/abc") == "files/abc")
        #expect(GeminiClient.filePath("https://generativelanguage.googleapis.com/v1beta/files/abc") == "files/abc")
    }
}
