import Foundation
import Logging
import NIOCore

extension GeminiClient {
    /// Runs `operation` until it succeeds or `RetryState` says to stop. With `only`, a failure it does not
    /// accept is reported at once: for a request that must not take effect twice (creating a batch job), only
    /// an answer that proves nothing happened may be retried.
    func retrying<T: Sendable>(
        onRetry: (@Sendable (Int, Duration, GeminiError) -> Void)? = nil,
        only: (@Sendable (GeminiError) -> Bool)? = nil,
        _ operation: () async throws(GeminiError) -> T
    ) async throws(GeminiError) -> T {
        var state = RetryState(policy: configuration.retryPolicy)
        while true {
            state.attemptStarted()
            let failure: GeminiError
            do {
                return try await attempt(state.attempts, operation)
            } catch {
                failure = Task.isCancelled ? .cancelled : error
            }
            if failure.category == .cancelled { throw failure }
            if let only, !only(failure) {
                var final = failure
                final.attempts = state.attempts
                logGiveUp(final)
                throw final
            }
            switch state.decide(after: failure, random: random()) {
            case .giveUp(let final):
                logGiveUp(final)
                throw final
            case .retry(let delay):
                logRetry(next: state.attempts + 1, after: delay, failure)
                onRetry?(state.attempts, delay, failure)
                try await pause(delay)
            }
        }
    }

    /// Runs one attempt with its number visible to the transport's log lines (`Transport.attempt`).
    func attempt<T: Sendable>(_ number: Int, _ operation: () async throws(GeminiError) -> T) async throws(GeminiError) -> T {
        do {
            return try await Transport.$attempt.withValue(number) { try await operation() }
        } catch let error as GeminiError {
            throw error
        } catch {
            // `withValue` rethrows untyped; only `operation`'s GeminiError can come out of it.
            throw transport.mapError(error, host: "the server")
        }
    }

    /// The wait before another attempt: at info, so that `SQUINT_LOG=info` still shows why nothing happens.
    func logRetry(next attempt: Int, after delay: Duration, _ failure: GeminiError) {
        transport.logger.info("retrying", metadata: [
            "attempt": "\(attempt)", "wait_ms": "\(Transport.milliseconds(delay))", "error": "\(failure)",
        ])
    }

    func logGiveUp(_ final: GeminiError) {
        transport.logger.debug("giving up", metadata: ["attempts": "\(final.attempts)", "error": "\(final)"])
    }

    /// Sleeps with the injected sleep; cancellation becomes `GeminiError.cancelled`.
    func pause(_ delay: Duration) async throws(GeminiError) {
        do {
            try await sleep(delay)
        } catch {
            throw .cancelled
        }
        if Task.isCancelled { throw .cancelled }
    }

    static func encode<T: Encodable>(_ value: T) throws(GeminiError) -> ByteBuffer {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            return ByteBuffer(bytes: try encoder.encode(value))
        } catch {
            throw GeminiError(.invalidConfiguration("the request could not be encoded as JSON"))
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from buffer: ByteBuffer) throws(GeminiError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(buffer.readableBytesView))
        } catch {
            throw GeminiError(.invalidResponse("the answer is not the expected JSON (\(T.self))"))
        }
    }

    /// `models/NAME` from `NAME` or `models/NAME` (also `tunedModels/…`).
    static func modelPath(_ model: String) -> String {
        let trimmed = model.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("models/") || trimmed.hasPrefix("tunedModels/") { return trimmed }
        return "models/" + trimmed
    }

    /// `files/ID` from `ID`, `files/ID` or a file URI ending in `files/ID`.
    static func filePath(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if let range = trimmed.range(of: "files/", options: .backwards) {
            return "files/" + trimmed[range.upperBound...]
        }
        return "files/" + trimmed
    }
}
