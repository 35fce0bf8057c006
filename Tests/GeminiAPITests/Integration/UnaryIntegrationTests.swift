import Foundation
import GeminiAPI
import GeminiTestServer
import Testing

@Suite("Unary calls against the fake server")
struct UnaryIntegrationTests {
    @Test("generateContent: answer, thoughts apart, usage")
    func generate() async throws {
        try await Harness.run { h in
            h.server.enqueue(.answer("A red cup.", thoughts: ["Looking."]), for: .generateContent)
            let response = try await h.client.generateContent(model: "models/gemini-2.5-flash", request: Harness.question)
            #expect(response.text == "A red cup.")
            #expect(response.thoughtText == "Looking.")
            #expect(response.finishReason == .stop)
            #expect(response.usageMetadata?.promptTokenCount == 268)
            let request = try #require(h.server.requests(for: .generateContent).first)
            #expect(request.path.hasSuffix("/v1beta/models/gemini-2.5-flash:generateContent"))
        }
    }

    @Test("5xx answers are retried with growing backoff until success")
    func serverErrors() async throws {
        try await Harness.run { h in
            h.server.enqueue([.serverError(503), .serverError(500), .serverError(504), .answer("done")], for: .generateContent)
            let notes = SleepRecorder()
            let response = try await h.client.generateContent(model: "m", request: Harness.question) { attempt, delay, error in
                // attempt × delay: 1 × 1 s, 2 × 2 s, 3 × 4 s — checks both numbers of each note.
                if error.isRetryable { notes.record(delay * attempt) }
            }
            #expect(response.text == "done")
            #expect(notes.recorded == [.seconds(1), .seconds(4), .seconds(12)])
            #expect(h.sleeps.recorded == [.seconds(1), .seconds(2), .seconds(4)])
            #expect(h.server.requests(for: .generateContent).count == 4)
        }
    }

    @Test("retries stop after the configured attempts, with the reason")
    func exhausted() async throws {
        try await Harness.run(retryPolicy: RetryPolicy(maxAttempts: 3)) { h in
            h.server.setDefault(.serverError(503), for: .generateContent)
            let error = try #require(await Harness.failure { () async throws(GeminiError) in try await h.client.generateContent(model: "m", request: Harness.question) })
            #expect(error.attempts == 3)
            #expect(error.category == .unavailable)
            #expect(error.description == "The model is overloaded. Please try again later (503 UNAVAILABLE); gave up after 3 attempts")
            #expect(h.server.requests(for: .generateContent).count == 3)
        }
    }

    @Test("400, 401, 403 and 404 are never retried", arguments: [400, 401, 403, 404])
    func refused(status: Int) async throws {
        try await Harness.run { h in
            h.server.enqueue(.googleError(status: status, message: "No."), for: .generateContent)
            let error = try #require(await Harness.failure { () async throws(GeminiError) in try await h.client.generateContent(model: "m", request: Harness.question) })
            #expect(error.httpStatus == status)
            #expect(error.category == .refused)
            #expect(h.server.requests(for: .generateContent).count == 1)
            #expect(h.sleeps.recorded.isEmpty)
        }
    }

    @Test("a Retry-After longer than the limit gives up at once")
    func retryAfterTooLong() async throws {
        try await Harness.run { h in
            h.server.enqueue(.rateLimited(retryDelay: nil, retryAfter: "3600"), for: .generateContent)
            let error = try #require(await Harness.failure { () async throws(GeminiError) in try await h.client.generateContent(model: "m", request: Harness.question) })
            #expect(error.giveUpReason == .delayTooLong(requested: .seconds(3600), limit: .seconds(300)))
            #expect(h.sleeps.recorded.isEmpty)
        }
    }

    @Test("a wrong key gets the service's error, and the key is not in it")
    func wrongKey() async throws {
        let server = try await FakeGeminiServer.start(apiKey: "the-right-key-123")
        let client = GeminiClient(configuration: GeminiConfiguration(apiKey: "the-wrong-key-456", baseURL: server.baseURL))
        let error = try #require(await Harness.failure { () async throws(GeminiError) in try await client.generateContent(model: "m", request: Harness.question) })
        #expect(error.category == .refused)
        #expect(error.description.hasPrefix("API key not valid (400 INVALID_ARGUMENT)"))
        #expect(!error.description.contains("the-wrong-key-456"))
        try await client.shutdown()
        try await server.stop()
    }

    @Test("a blocked prompt is a response with a block reason")
    func blocked() async throws {
        try await Harness.run { h in
            h.server.enqueue(.blocked(reason: "SAFETY"), for: .generateContent)
            let response = try await h.client.generateContent(model: "m", request: Harness.question)
            #expect(response.blockReason == .safety)
            #expect(GeminiAnswer(response: response).blockedError?.blockReason == "SAFETY")
        }
    }

    @Test("countTokens sends the whole request")
    func countTokens() async throws {
        try await Harness.run { h in
            h.server.enqueue(.tokenCount(321), for: .countTokens)
            let count = try await h.client.countTokens(model: "gemini-2.5-flash", request: Harness.question)
            #expect(count.totalTokens == 321)
            let body = try #require(h.server.requests(for: .countTokens).first?.jsonObject())
            let inner = try #require(body["generateContentRequest"] as? [String: Any])
            #expect(inner["model"] as? String == "models/gemini-2.5-flash")
        }
    }

    @Test("models: one page, every page, one model")
    func models() async throws {
        try await Harness.run { h in
            let page = try await h.client.listModels(pageSize: 1)
            #expect(page.models.count == 1)
            let all = try await h.client.allModels()
            #expect(all.count > 1)
            #expect(Set(all.map(\.name)).count == all.count)
            let first = try #require(all.first)
            let fetched = try await h.client.getModel(first.shortName)
            #expect(fetched.name == first.name)
            let error = try #require(await Harness.failure { () async throws(GeminiError) in try await h.client.getModel("no-such-model") })
            #expect(error.httpStatus == 404)
        }
    }

    @Test("a connection refused is a network error, retried, then reported")
    func connectionRefused() async throws {
        let server = try await FakeGeminiServer.start()
        let base = server.baseURL
        try await server.stop()
        let sleeps = SleepRecorder()
        let client = GeminiClient(
            configuration: GeminiConfiguration(apiKey: "k-123456", baseURL: base, retryPolicy: RetryPolicy(maxAttempts: 2)),
            environment: [:], sleep: sleeps.sleep)
        let error = try #require(await Harness.failure { () async throws(GeminiError) in try await client.generateContent(model: "m", request: Harness.question) })
        #expect(error.category == .unavailable)
        #expect(error.attempts == 2)
        #expect(error.description.hasPrefix("network error"))
        #expect(sleeps.recorded.count == 1)
        try await client.shutdown()
    }
}

@Suite("Proxy settings against the fake server")
struct ProxyIntegrationTests {
    @Test("a proxy in the environment is not used for loopback base URLs")
    func loopbackIsDirect() async throws {
        try await Harness.run(environment: ["HTTP_PROXY": "http://127.0.0.1:1", "http_proxy": "http://127.0.0.1:1"]) { h in
            #expect(h.client.proxy == nil)
            h.server.enqueue(.answer("direct"), for: .generateContent)
            let response = try await h.client.generateContent(model: "m", request: Harness.question)
            #expect(response.text == "direct")
        }
    }
}

@Suite("Cancelling unary calls")
struct UnaryCancellationTests {
    @Test("cancelling a call waiting for its body ends it as cancelled and closes the connection")
    func cancelWhileWaiting() async throws {
        try await Harness.run { h in
            h.server.enqueue(.sse([.raw("{"), .pause(.seconds(60)), .raw("}")]), for: .generateContent)
            let client = h.client
            let call = Task { await Harness.failure { () async throws(GeminiError) in
                try await client.generateContent(model: "m", request: Harness.question)
            } }
            #expect(await h.server.wait { $0.requests(for: .generateContent).count == 1 && $0.openConnections == 1 })
            call.cancel()
            let error = await call.value
            #expect(error?.category == .cancelled)
            #expect(await h.server.wait { $0.openConnections == 0 })
            #expect(h.server.requests(for: .generateContent).count == 1)
        }
    }
}

@Suite("Odd answers to unary calls")
struct OddUnaryAnswerTests {
    @Test("an error wrapped in a 200 is an error, not an empty answer")
    func errorIn200() async throws {
        try await Harness.run(retryPolicy: .none) { h in
            h.server.enqueue(
                .json(FakeErrorBody.status(code: 500, message: "Internal error.", status: "INTERNAL", details: [])),
                for: .generateContent)
            let error = try #require(await Harness.failure { () async throws(GeminiError) in
                try await h.client.generateContent(model: "m", request: Harness.question)
            })
            #expect(error.httpStatus == 500)
            #expect(error.category == .unavailable)
        }
    }

    @Test("a body that is not JSON is an invalid response")
    func notJSON() async throws {
        try await Harness.run { h in
            h.server.enqueue(.text("<html>hello</html>", status: 200), for: .generateContent)
            let error = try #require(await Harness.failure { () async throws(GeminiError) in
                try await h.client.generateContent(model: "m", request: Harness.question)
            })
            #expect(error.category == .invalidResponse)
            #expect(h.server.requests(for: .generateContent).count == 1)
        }
    }
}
