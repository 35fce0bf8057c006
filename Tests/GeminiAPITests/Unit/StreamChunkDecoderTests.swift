import Foundation
import Testing

@testable import GeminiAPI

@Suite("Stream chunks to events")
struct StreamChunkDecoderTests {
    @Test("text, usage once per change, model version once, finish")
    func events() throws {
        var decoder = StreamChunkDecoder(redactor: KeyRedactor(apiKey: "test-key-1234"))
        let first = try decoder.events(from: .event(.init(data: Fixtures.streamChunk)))
        #expect(first.count == 3)
        #expect(first[0] == .modelVersion("gemini-2.5-flash"))
        #expect(first[1] == .text("Hello"))
        guard case .usage(let usage) = first[2] else {
            Issue.record("expected usage")
            return
        }
        #expect(usage.totalTokenCount == 30)
        let last = try decoder.events(from: .event(.init(data: Fixtures.finalChunk)))
        #expect(last.count == 2)
        #expect(last.last == .finish(.stop))
        #expect(decoder.answerLength == 5)
        var answer = GeminiAnswer()
        (first + last).forEach { answer.apply($0) }
        #expect(answer.text == "Hello" && answer.finishReason == .stop && answer.usage?.totalTokenCount == 38)
    }

    @Test("thoughts are a separate event")
    func thoughts() throws {
        var decoder = StreamChunkDecoder(redactor: KeyRedactor(apiKey: ""))
        let events = try decoder.events(from: .event(.init(data: Fixtures.thoughtChunk)))
        #expect(events.contains(.thought("**Looking at the cupcakes**\nI see four.")))
        #expect(events.contains(.text("There are four cupcakes.")))
        #expect(decoder.answerLength == "There are four cupcakes.".count)
    }

    @Test("a blocked prompt is an event")
    func blocked() throws {
        var decoder = StreamChunkDecoder(redactor: KeyRedactor(apiKey: ""))
        let events = try decoder.events(from: .event(.init(data: Fixtures.blockedPrompt)))
        #expect(events.contains(.blocked(.prohibitedContent, message: "The prompt was blocked.")))
    }

    @Test("errors inside a 200 stream: as data and as bare JSON, key redacted")
    func errors() {
        let key = "test-key-ABCDEFGH"
        var decoder = StreamChunkDecoder(redactor: KeyRedactor(apiKey: key))
        do {
            _ = try decoder.events(from: .bareJSON(Fixtures.overloaded503))
            Issue.record("expected an error")
        } catch {
            #expect(error.httpStatus == 503 && error.isRetryable)
        }
        do {
            _ = try decoder.events(from: .event(.init(data: #"{"error": {"code": 500, "message": "boom \#(key)"}}"#)))
            Issue.record("expected an error")
        } catch {
            #expect(error.rpcStatus?.message == "boom [REDACTED]")
        }
        do {
            _ = try decoder.events(from: .event(.init(data: "not json \(key)")))
            Issue.record("expected an error")
        } catch {
            #expect(error.category == .invalidResponse)
            #expect(!error.description.contains(key))
        }
    }

    @Test("a JSON array of chunks (no alt=sse) and a [DONE] sentinel")
    func arrayAndDone() throws {
        var decoder = StreamChunkDecoder(redactor: KeyRedactor(apiKey: ""))
        let events = try decoder.events(from: .bareJSON("[" + Fixtures.streamChunk + ",\n" + Fixtures.finalChunk + "]"))
        #expect(events.contains(.text("Hello")) && events.contains(.finish(.stop)))
        #expect(try decoder.events(from: .event(.init(data: "[DONE]"))).isEmpty)
    }

    @Test("an answer encodes to JSON for --json")
    func answerJSON() throws {
        var answer = GeminiAnswer()
        [.modelVersion("gemini-2.5-flash"), .text("Hi"), .usage(UsageMetadata(promptTokenCount: 3, totalTokenCount: 5)),
         .finish(.stop)].forEach { answer.apply($0) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(answer), as: UTF8.self)
        #expect(json == #"{"finishReason":"STOP","modelVersion":"gemini-2.5-flash","retries":0,"text":"Hi","usage":{"promptTokenCount":3,"totalTokenCount":5}}"#)
    }

    @Test("an answer stopped by a safety finish reason with no text is a blocked outcome")
    func blockedByFinishReason() {
        var answer = GeminiAnswer()
        answer.apply(.finish(.safety))
        #expect(answer.isBlocked)
        #expect(answer.blockedError?.blockReason == "SAFETY")
        answer.apply(.text("partial"))
        #expect(answer.isBlocked && answer.blockedError == nil)
        var normal = GeminiAnswer()
        normal.apply(.finish(.maxTokens))
        #expect(!normal.isBlocked && normal.blockedError == nil)
    }
}
