import Foundation
import GeminiAPI
@testable import SquintCore

/// An `AnswerProvider` that plays scripted answers, one per request, and records what it was asked: the
/// pipeline's policies tested without sockets.
final class ScriptedProvider: AnswerProvider, @unchecked Sendable {
    struct Script {
        var events: [StreamEvent]
        /// Thrown after the events (a stream that broke, a refused request).
        var error: (any Error)?
        /// Wait this long before ending (to cancel mid-answer).
        var hang: Duration?
    }

    private let lock = NSLock()
    private var scripts: [Script]
    private(set) var requests: [PlannedRequest] = []
    private(set) var uploads = 0

    init(_ scripts: [Script]) { self.scripts = scripts }

    static func answer(_ text: String, finish: FinishReason = .stop) -> Script {
        Script(events: [.modelVersion("test-model-001"), .text(text),
                        .usage(UsageMetadata(promptTokenCount: 300, candidatesTokenCount: 20, totalTokenCount: 320)), .finish(finish)])
    }

    func answer(_ request: PlannedRequest, streaming: Bool) -> AsyncThrowingStream<StreamEvent, any Error> {
        let script: Script = lock.withLock {
            requests.append(request)
            return scripts.isEmpty ? ScriptedProvider.answer("no script left") : scripts.removeFirst()
        }
        return AsyncThrowingStream { continuation in
            let task = Task {
                for event in script.events { continuation.yield(event) }
                if let hang = script.hang {
                    do { try await Task.sleep(for: hang) } catch {
                        continuation.finish(throwing: CancellationError())
                        return
                    }
                }
                continuation.finish(throwing: script.error)
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    func countTokens(_ request: PlannedRequest) async throws -> Int { StandInTokenCount.of(request) }

    func upload(_ bytes: [UInt8], mimeType: String, displayName: String) async throws -> UploadedFile {
        let count = lock.withLock { uploads += 1; return uploads }
        return UploadedFile(name: "files/up\(count)", uri: "https://files.test/up\(count)", mimeType: mimeType, state: .active,
                            expirationTime: Date().addingTimeInterval(48 * 3600))
    }

    func file(named name: String) async throws -> UploadedFile {
        UploadedFile(name: name, uri: "https://files.test/" + name, mimeType: "image/png", state: .active, expirationTime: nil)
    }
}
