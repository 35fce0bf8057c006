import Foundation
@testable import GeminiAPI
import GeminiTestServer
import Testing

/// The official Python SDK (`google-genai`) sending an image by URL (`types.Part.from_uri`) to the fake: what it
/// sends is what squint sends for `--url-mode pass`, and the fake answers it as the service does (a page it
/// serves is fetched; one it cannot fetch, or a 2.0 model, is the service's 400). Skipped, with a message, when
/// python3 or the SDK is missing.
@Suite("The official google-genai SDK sending an image by URL")
struct URLPartSDKOracleTests {
    static let script = #"""
        import json, sys
        from google import genai
        from google.genai import types, errors

        base, key, served, missing = sys.argv[1:5]
        client = genai.Client(api_key=key, http_options=types.HttpOptions(base_url=base, api_version='v1beta', timeout=30000))

        def ask(model, url):
            try:
                reply = client.models.generate_content(model=model, contents=[types.Part.from_uri(file_uri=url, mime_type='image/png'), 'What is it?'])
                return {'text': reply.text}
            except errors.ClientError as error:
                return {'code': error.code, 'message': error.message}

        print(json.dumps({'served': ask('gemini-2.5-flash', served), 'missing': ask('gemini-2.5-flash', missing),
                          'old': ask('gemini-2.0-flash', served)}))
        """#

    @Test("the SDK's fileData part equals squint's; fetched, unfetchable and 2.0 answers as the service gives them",
          .enabled(if: BatchSDKOracleTests.sdkAvailable, "python3 cannot import google.genai (pip install google-genai, or scripts/bootstrap) — skipping the SDK check"))
    func sdkSendsURLParts() async throws {
        let key = "sdk-key-Ur1"
        let server = try await FakeGeminiServer.start(apiKey: key)
        server.serveFile("/cup.png", bytes: [0x89, 0x50, 0x4E, 0x47], contentType: "image/png")
        server.enqueue(.answer("A cup."), for: .generateContent)
        let served = server.pageURL("/cup.png"), missing = server.pageURL("/nowhere.png")
        let output: String
        do {
            output = try await PythonScript.runDetached(Self.script, arguments: [server.baseURL, key, served, missing])
        } catch {
            try? await server.stop()
            throw error
        }
        try await server.stop()
        let result = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String: Any]])
        #expect(result["served"]?["text"] as? String == "A cup.")
        #expect(result["missing"]?["code"] as? Int == 400)
        #expect(result["missing"]?["message"] as? String == "Cannot fetch content from the provided URL.")
        #expect(result["old"]?["code"] as? Int == 400)
        #expect(result["old"]?["message"] as? String == "Invalid or unsupported file uri: \(served)")

        // The SDK spells the fields snake_case (proto JSON takes both); squint camelCase, as the REST reference.
        let sdkParts = try #require((server.requests(for: .generateContent).first?.jsonObject()?["contents"] as? [[String: Any]])?.first?["parts"] as? [[String: Any]])
        let sdk = try #require(sdkParts.first?["fileData"] as? [String: Any])
        let ours = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(Part.file(uri: served, mimeType: "image/png"))) as? [String: Any])
        let squint = try #require(ours["fileData"] as? [String: Any])
        #expect(sdk["file_uri"] as? String == served && squint["fileUri"] as? String == served)
        #expect(sdk["mime_type"] as? String == "image/png" && squint["mimeType"] as? String == "image/png")
        #expect(sdkParts.first?.count == 1 && ours.count == 1, "nothing else in either part: \(sdkParts.first ?? [:]) vs \(ours)")
    }
}
