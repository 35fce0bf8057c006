import Foundation
import GeminiTestServer
import Testing

/// The API key never reaches stdout or stderr, even when the server quotes it back.
@Suite struct KeyRedactionEndToEndTests {
    @Test(arguments: [false, true])
    func quotedKeyInAnErrorIsNotPrinted(json: Bool) async throws {
        try await CLIHarness.with { h in
            h.server.enqueue(.quotingAPIKey(status: 400), for: .streamGenerateContent)
            let result = try await h.run(["ask", CLIHarness.corpusJPEG, "-p", "q"] + (json ? ["--json"] : []))
            #expect(result.status == 3, "\(result.stderr)")
            #expect(result.stderr.contains("API key not valid"))
            #expect(!result.stdout.contains(h.apiKey))
            #expect(!result.stderr.contains(h.apiKey))
            #expect(h.server.requests.first?.header("x-goog-api-key") == h.apiKey)
        }
    }

    @Test func quotedKeyMidStreamIsNotPrinted() async throws {
        try await CLIHarness.with { h in
            h.server.enqueue(.streamedAnswer(["ok "], finishReason: nil,
                                             tail: [.bareError(code: 500, message: "backend saw key \(FakeReply.apiKeyPlaceholder)")]),
                             for: .streamGenerateContent)
            let result = try await h.run(["ask", CLIHarness.corpusJPEG, "-p", "q"])
            #expect(result.status == 4, "\(result.stderr)")
            #expect(result.stderr.contains("backend saw key"))
            #expect(!result.stderr.contains(h.apiKey))
            #expect(!result.stdout.contains(h.apiKey))
        }
    }
}
