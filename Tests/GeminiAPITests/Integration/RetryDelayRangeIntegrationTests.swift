import Foundation
import GeminiAPI
import GeminiTestServer
import Testing

/// A server asking for an absurd wait, over real HTTP: the client used to die on it (SIGILL in the
/// duration conversion); now it gives up at once and says why.
@Suite("Absurd retry delays against the fake server")
struct RetryDelayRangeIntegrationTests {
    @Test("a 429 with RetryInfo retryDelay \"10000000000s\" gives up with delayTooLong, without waiting")
    func hugeRetryInfo() async throws {
        try await Harness.run { h in
            h.server.enqueue(.rateLimited(retryDelay: "10000000000s"), for: .generateContent)
            let error = try #require(await Harness.failure { () async throws(GeminiError) in
                try await h.client.generateContent(model: "m", request: Harness.question)
            })
            #expect(error.giveUpReason == .delayTooLong(requested: CheckedDuration.ceiling, limit: .seconds(300)))
            #expect(error.attempts == 1)
            #expect(error.description.contains("the server asks to wait 100 years or more, more than the 300 s limit"))
            #expect(h.sleeps.recorded.isEmpty)
            #expect(h.server.requests(for: .generateContent).count == 1)
        }
    }

    @Test("a streamed 429 with a Retry-After of 99999999999999999999 seconds gives up the same way")
    func hugeRetryAfterWhileStreaming() async throws {
        try await Harness.run { h in
            h.server.enqueue(.rateLimited(retryDelay: nil, retryAfter: "99999999999999999999"), for: .streamGenerateContent)
            let (events, error) = await h.collect(h.client.streamGenerateContent(model: "m", request: Harness.question))
            #expect(events.text.isEmpty)
            #expect(error?.giveUpReason == .delayTooLong(requested: CheckedDuration.ceiling, limit: .seconds(300)))
            #expect(h.sleeps.recorded.isEmpty)
        }
    }
}
