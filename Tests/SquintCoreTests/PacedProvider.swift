import Foundation
@testable import GeminiAPI
@testable import SquintCore

/// An `AnswerProvider` that answers every request after `latency`, counting how many are in flight: a batch's
/// concurrency rules checked without sockets. `before429` requests first report a 429 retry (as `GeminiClient`
/// does while it backs off); `failing` requests (by their order) fail with a 503.
final class PacedProvider: AnswerProvider, @unchecked Sendable {
    private let lock = NSLock()
    let latency: Duration
    let answer: String
    var rateLimitedRequests: Set<Int> = []
    var failingRequests: Set<Int> = []
    private(set) var started = 0
    private(set) var inFlight = 0
    private(set) var maxInFlight = 0
    /// Set by the test when the batch reports it lowered its concurrency; starts after it are recorded.
    private var lowered = false
    private(set) var inFlightAfterLowering: [Int] = []

    init(latency: Duration, answer: String = #"[{"box_2d": [100, 200, 500, 600], "label": "cup"}]"#) {
        self.latency = latency
        self.answer = answer
    }

    func markLowered() { lock.withLock { lowered = true } }

    func answer(_ request: PlannedRequest, streaming: Bool) -> AsyncThrowingStream<StreamEvent, any Error> {
        let index: Int = lock.withLock {
            started += 1
            inFlight += 1
            maxInFlight = max(maxInFlight, inFlight)
            if lowered { inFlightAfterLowering.append(inFlight) }
            return started - 1
        }
        let rateLimited = rateLimitedRequests.contains(index), failing = failingRequests.contains(index)
        let latency = self.latency, answer = self.answer
        return AsyncThrowingStream { continuation in
            let task = Task {
                defer { self.lock.withLock { self.inFlight -= 1 } }
                if rateLimited {
                    continuation.yield(.retrying(attempt: 1, after: .milliseconds(10), error: GeminiError(.http(status: 429, rpc: nil, body: nil))))
                }
                do { try await Task.sleep(for: latency) } catch {
                    continuation.finish(throwing: CancellationError())
                    return
                }
                if failing {
                    continuation.finish(throwing: GeminiError(.http(status: 503, rpc: nil, body: nil)))
                    return
                }
                continuation.yield(.text(answer))
                continuation.yield(.usage(UsageMetadata(promptTokenCount: 300, candidatesTokenCount: 20, totalTokenCount: 320)))
                continuation.yield(.finish(.stop))
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    func countTokens(_ request: PlannedRequest) async throws -> Int { StandInTokenCount.of(request) }

    func upload(_ bytes: [UInt8], mimeType: String, displayName: String) async throws -> UploadedFile {
        UploadedFile(name: "files/x", uri: "https://files.test/x", mimeType: mimeType, state: .active, expirationTime: nil)
    }

    func file(named name: String) async throws -> UploadedFile {
        UploadedFile(name: name, uri: "https://files.test/" + name, mimeType: "image/png", state: .active, expirationTime: nil)
    }
}
