import Foundation
import GeminiAPI
import GeminiTestServer
import Testing

@Suite("Streaming against the fake server")
struct StreamingIntegrationTests {
    @Test("an answer in every SSE framing", arguments: SSEFraming.allCases)
    func framings(framing: SSEFraming) async throws {
        try await Harness.run { h in
            h.server.enqueue(
                .streamedAnswer(["Two ", "cats ", "on a sofa."], framing: framing, thoughts: ["Counting."], emptyFinalChunk: true),
                for: .streamGenerateContent)
            let (events, error) = await h.collect(h.client.streamGenerateContent(model: "gemini-2.5-flash", request: Harness.question))
            #expect(error == nil)
            let answer = events.answer
            #expect(answer.text == "Two cats on a sofa.")
            #expect(answer.thoughts == "Counting.")
            #expect(answer.finishReason == .stop)
            #expect(answer.modelVersion == "gemini-2.5-flash")
            #expect(answer.usage?.promptTokenCount == 268)
            #expect(events.filter { if case .modelVersion = $0 { true } else { false } }.count == 1)

            let request = try #require(h.server.requests(for: .streamGenerateContent).first)
            #expect(request.path.hasSuffix("/v1beta/models/gemini-2.5-flash:streamGenerateContent"))
            #expect(request.query["alt"] == "sse")
            #expect(request.query["key"] == nil)
            #expect(request.header("x-goog-api-key") == Harness.apiKey)
            let body = try #require(request.jsonObject())
            let contents = try #require(body["contents"] as? [[String: Any]])
            let parts = try #require(contents.first?["parts"] as? [[String: Any]])
            #expect((parts.first?["inlineData"] as? [String: Any])?["mimeType"] as? String == "image/png")
            #expect(parts.last?["text"] as? String == "What is this?")
        }
    }

    @Test("slow chunks under the idle timeout arrive whole")
    func slowChunks() async throws {
        try await Harness.run(streamIdleTimeout: .seconds(20)) { h in
            h.server.enqueue(.streamedAnswer(["a", "b", "c"], delay: .milliseconds(150)), for: .streamGenerateContent)
            let (events, error) = await h.collect(h.client.streamGenerateContent(model: "m", request: Harness.question))
            #expect(error == nil)
            #expect(events.text == "abc")
        }
    }

    @Test("a stream silent for longer than the idle timeout fails, keeping the text so far")
    func idleTimeout() async throws {
        try await Harness.run(streamIdleTimeout: .milliseconds(300)) { h in
            h.server.enqueue(
                .sse(GeminiChunks.answerEvents(["Partial "], finishReason: nil) + [.pause(.seconds(30))]),
                for: .streamGenerateContent)
            let (events, error) = await h.collect(h.client.streamGenerateContent(model: "m", request: Harness.question))
            #expect(events.text == "Partial ")
            let failure = try #require(error)
            #expect(failure.partialTextLength == 8)
            #expect(failure.category == .unavailable)
            #expect(failure.description.contains("sent nothing"))
            #expect(h.server.requests(for: .streamGenerateContent).count == 1)
        }
    }

    @Test("429 with RetryInfo, then success: waits at least the server's delay")
    func rateLimitThenSuccess() async throws {
        try await Harness.run { h in
            h.server.enqueue(.rateLimited(retryDelay: "7s"), for: .streamGenerateContent)
            h.server.enqueue(.streamedAnswer(["ok"]), for: .streamGenerateContent)
            let (events, error) = await h.collect(h.client.streamGenerateContent(model: "m", request: Harness.question))
            #expect(error == nil)
            #expect(events.text == "ok")
            #expect(h.sleeps.recorded == [.seconds(7)])
            guard case .retrying(let attempt, let delay, let cause)? = events.first else {
                Issue.record("expected a retrying event first: \(events)")
                return
            }
            #expect(attempt == 1 && delay == .seconds(7))
            #expect(cause.category == .rateLimited)
            #expect(h.server.requests(for: .streamGenerateContent).count == 2)
        }
    }

    @Test("a daily quota is reported at once, not waited out")
    func dailyQuota() async throws {
        try await Harness.run { h in
            h.server.enqueue(.rateLimited(retryDelay: "30s", perDay: true), for: .streamGenerateContent)
            let (_, error) = await h.collect(h.client.streamGenerateContent(model: "m", request: Harness.question))
            let failure = try #require(error)
            #expect(failure.giveUpReason == .dailyQuota)
            #expect(h.sleeps.recorded.isEmpty)
            #expect(h.server.requests(for: .streamGenerateContent).count == 1)
        }
    }

    @Test("a mid-stream error after text is not retried; the partial text stays")
    func midStreamError() async throws {
        try await Harness.run { h in
            h.server.enqueue(
                .streamedAnswer(["Hello ", "wor"], finishReason: nil, tail: [.bareError(code: 503, message: "The model is overloaded.", status: "UNAVAILABLE")]),
                for: .streamGenerateContent)
            let (events, error) = await h.collect(h.client.streamGenerateContent(model: "m", request: Harness.question))
            #expect(events.text == "Hello wor")
            let failure = try #require(error)
            #expect(failure.partialTextLength == 9)
            #expect(failure.httpStatus == 503)
            #expect(failure.category == .unavailable)
            #expect(!failure.isRetryable)
            #expect(failure.description.hasPrefix("the answer stopped after 9 characters"))
            #expect(h.server.requests(for: .streamGenerateContent).count == 1)
            #expect(h.sleeps.recorded.isEmpty)
        }
    }

    @Test("a bare error before any text is retried")
    func bareErrorBeforeText() async throws {
        try await Harness.run { h in
            h.server.enqueue(.sse([.bareError(code: 500)]), for: .streamGenerateContent)
            h.server.enqueue(.streamedAnswer(["fine"]), for: .streamGenerateContent)
            let (events, error) = await h.collect(h.client.streamGenerateContent(model: "m", request: Harness.question))
            #expect(error == nil)
            #expect(events.text == "fine")
            #expect(h.server.requests(for: .streamGenerateContent).count == 2)
        }
    }

    @Test("a dropped connection: retried before text, reported after text")
    func droppedConnection() async throws {
        try await Harness.run { h in
            h.server.enqueue(.sse([.drop]), for: .streamGenerateContent)
            h.server.enqueue(
                .streamedAnswer(["Hi ", "the"], finishReason: nil, tail: [.pause(.milliseconds(50)), .drop]),
                for: .streamGenerateContent)
            let (events, error) = await h.collect(h.client.streamGenerateContent(model: "m", request: Harness.question))
            // A reset may overtake the last bytes in flight; what arrived is kept and counted.
            #expect(events.text.hasPrefix("Hi "))
            let failure = try #require(error)
            #expect(failure.partialTextLength == events.text.count)
            #expect(failure.category == .unavailable)
            #expect(h.server.requests(for: .streamGenerateContent).count == 2)
            #expect(h.sleeps.recorded.count == 1)
        }
    }

    @Test("a non-200 status with an event-stream content type is an error")
    func errorAsEventStream() async throws {
        try await Harness.run(retryPolicy: .none) { h in
            h.server.enqueue(.errorAsEventStream(status: 429), for: .streamGenerateContent)
            let (events, error) = await h.collect(h.client.streamGenerateContent(model: "m", request: Harness.question))
            #expect(events.isEmpty)
            #expect(error?.httpStatus == 429)
            #expect(error?.rpcStatus?.status == "RESOURCE_EXHAUSTED")
        }
    }

    @Test("a blocked prompt is an event, not an error")
    func blocked() async throws {
        try await Harness.run { h in
            h.server.enqueue(.blocked(reason: "PROHIBITED_CONTENT", streaming: true), for: .streamGenerateContent)
            let (events, error) = await h.collect(h.client.streamGenerateContent(model: "m", request: Harness.question))
            #expect(error == nil)
            #expect(events.answer.blockReason == .prohibitedContent)
            #expect(events.answer.blockedError?.category == .blocked)
            #expect(h.server.requests(for: .streamGenerateContent).count == 1)
        }
    }

    @Test("cancelling the consumer closes the connection")
    func cancellation() async throws {
        try await Harness.run { h in
            h.server.enqueue(
                .streamedAnswer(["first ", "never"], delay: .seconds(60)), for: .streamGenerateContent)
            let stream = h.client.streamGenerateContent(model: "m", request: Harness.question)
            let gotFirst = AsyncStream<Void>.makeStream()
            let consumer = Task {
                var texts: [String] = []
                do {
                    for try await event in stream {
                        if case .text(let text) = event {
                            texts.append(text)
                            gotFirst.continuation.yield()
                        }
                    }
                } catch {}
                return texts
            }
            var iterator = gotFirst.stream.makeAsyncIterator()
            _ = await iterator.next()
            #expect(h.server.openConnections >= 1)
            consumer.cancel()
            #expect(await consumer.value == ["first "])
            #expect(await h.server.wait { $0.openConnections == 0 })
        }
    }

    @Test("the key never leaks, even when the server quotes it back")
    func keyNeverLeaks() async throws {
        try await Harness.run { h in
            h.server.enqueue(.quotingAPIKey(), for: .streamGenerateContent)
            let (_, error) = await h.collect(h.client.streamGenerateContent(model: "m", request: Harness.question))
            let failure = try #require(error)
            #expect(failure.category == .refused)
            #expect(!failure.description.contains(Harness.apiKey))
            #expect(!String(reflecting: failure).contains(Harness.apiKey))
            #expect(!"\(String(describing: failure.rpcStatus))".contains(Harness.apiKey))
            #expect(failure.description.contains("API key not valid"))

            h.server.enqueue(
                .sse(GeminiChunks.answerEvents(["x"], finishReason: nil) + [.raw("{oops \(FakeReply.apiKeyPlaceholder)\n\n")]),
                for: .streamGenerateContent)
            let (_, second) = await h.collect(h.client.streamGenerateContent(model: "m", request: Harness.question))
            let garbled = try #require(second)
            #expect(!garbled.description.contains(Harness.apiKey))
            #expect(h.server.requests.allSatisfy { !$0.uri.contains(Harness.apiKey) })
        }
    }
}

@Suite("Streams that end early")
struct TruncatedStreamTests {
    @Test("a clean end without a finish reason after text is an interrupted answer")
    func cleanEndAfterText() async throws {
        try await Harness.run { h in
            h.server.enqueue(.streamedAnswer(["Half an ", "answer"], finishReason: nil), for: .streamGenerateContent)
            let (events, error) = await h.collect(h.client.streamGenerateContent(model: "m", request: Harness.question))
            #expect(events.text == "Half an answer")
            let failure = try #require(error)
            #expect(failure.partialTextLength == 14)
            #expect(failure.description.contains("ended before the answer was complete"))
            #expect(h.server.requests(for: .streamGenerateContent).count == 1)
        }
    }

    @Test("an empty 200 stream is retried")
    func emptyStream() async throws {
        try await Harness.run { h in
            h.server.enqueue(.sse([]), for: .streamGenerateContent)
            h.server.enqueue(.streamedAnswer(["ok"]), for: .streamGenerateContent)
            let (events, error) = await h.collect(h.client.streamGenerateContent(model: "m", request: Harness.question))
            #expect(error == nil)
            #expect(events.text == "ok")
            #expect(h.server.requests(for: .streamGenerateContent).count == 2)
        }
    }
}
