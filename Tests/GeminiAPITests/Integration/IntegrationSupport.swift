import Foundation
import GeminiAPI
import GeminiTestServer
import Synchronization
import Testing

/// Records the waits the client asked for and returns at once, so retry tests never really sleep.
final class SleepRecorder: Sendable {
    private let waits = Mutex<[Duration]>([])

    var recorded: [Duration] { waits.withLock { $0 } }

    func record(_ duration: Duration) {
        waits.withLock { $0.append(duration) }
    }

    var sleep: @Sendable (Duration) async throws -> Void {
        { duration in
            self.record(duration)
            try Task.checkCancellation()
        }
    }
}

/// A fake server, a client pointed at it, and the recorder of the client's waits.
struct Harness {
    static let apiKey = "test-key-7Hq2xZ9vLmP4"

    let server: FakeGeminiServer
    let client: GeminiClient
    let sleeps: SleepRecorder

    /// Runs `body` against a fresh server and client; both are stopped afterwards, whatever happens.
    static func run(
        retryPolicy: RetryPolicy = .default, streamIdleTimeout: Duration = .seconds(30),
        environment: [String: String] = [:],
        _ body: (Harness) async throws -> Void
    ) async throws {
        let server = try await FakeGeminiServer.start(apiKey: apiKey)
        let sleeps = SleepRecorder()
        let configuration = GeminiConfiguration(
            apiKey: apiKey, baseURL: server.baseURL, connectTimeout: .seconds(5),
            streamIdleTimeout: streamIdleTimeout, requestTimeout: .seconds(60), retryPolicy: retryPolicy)
        let client = GeminiClient(
            configuration: configuration, environment: environment, sleep: sleeps.sleep, random: { 0.5 })
        let harness = Harness(server: server, client: client, sleeps: sleeps)
        do {
            try await body(harness)
        } catch {
            try? await client.shutdown()
            try? await server.stop()
            throw error
        }
        try await client.shutdown()
        try await server.stop()
    }

    static let question = GenerateContentRequest(contents: [
        Content(parts: [.inline(Data("fake-png".utf8), mimeType: "image/png"), .text("What is this?")])
    ])

    /// Collects a stream: every event, and the error it ended with.
    func collect(_ stream: AsyncThrowingStream<StreamEvent, any Error>) async -> (events: [StreamEvent], error: GeminiError?) {
        var events: [StreamEvent] = []
        do {
            for try await event in stream { events.append(event) }
            return (events, nil)
        } catch let error as GeminiError {
            return (events, error)
        } catch {
            Issue.record("a non-GeminiError escaped: \(error)")
            return (events, nil)
        }
    }
}

extension Array where Element == StreamEvent {
    var text: String {
        var answer = GeminiAnswer()
        forEach { answer.apply($0) }
        return answer.text
    }

    var answer: GeminiAnswer {
        var answer = GeminiAnswer()
        forEach { answer.apply($0) }
        return answer
    }
}

extension Harness {
    /// The error `body` throws, or `nil` when it succeeds.
    static func failure<T>(_ body: () async throws(GeminiError) -> T) async -> GeminiError? {
        do throws(GeminiError) {
            _ = try await body()
            return nil
        } catch {
            return error
        }
    }
}
