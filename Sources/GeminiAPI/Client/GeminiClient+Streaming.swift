import AsyncHTTPClient
import Foundation
import Logging
import NIOCore

extension GeminiClient {
    /// `models/{model}:streamGenerateContent?alt=sse`: the answer as it is generated.
    ///
    /// The stream throws only `GeminiError`. Failures before any answer arrived are retried per the
    /// retry policy (each retry announced as `.retrying`); once text or thoughts were delivered a failure
    /// is not retried — the caller keeps the partial answer and the error carries `partialTextLength`.
    /// Cancelling the consuming task, or dropping the stream, cancels the request and closes its
    /// connection; the stream then simply ends.
    public func streamGenerateContent(model: String, request: GenerateContentRequest)
        -> AsyncThrowingStream<StreamEvent, any Error>
    {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: StreamEvent.self)
        let task = Task {
            do {
                try await runStream(model: model, request: request, continuation: continuation)
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    private func runStream(
        model: String, request: GenerateContentRequest,
        continuation: AsyncThrowingStream<StreamEvent, any Error>.Continuation
    ) async throws(GeminiError) {
        let body = try Self.encode(request)
        let url = transport.apiURL(Self.modelPath(model) + ":streamGenerateContent", query: [("alt", "sse")])
        let host = URLOrigin(url: url)?.host ?? "the server"
        var state = RetryState(policy: configuration.retryPolicy)
        while true {
            state.attemptStarted()
            let progress = StreamProgress()
            let failure: GeminiError
            do {
                try await Transport.$attempt.withValue(state.attempts) {
                    try await streamAttempt(
                        transport.makeRequest(.POST, url: url, body: body), bodyBytes: body.readableBytes,
                        progress: progress, continuation: continuation)
                }
                return
            } catch {
                failure = Task.isCancelled ? .cancelled : transport.mapError(error, host: host)
            }
            if failure.category == .cancelled {
                throw progress.answerStarted ? failure.interruptingAnswer(after: progress.answerLength) : failure
            }
            let started = progress.answerStarted
            switch state.decide(after: failure, answerStarted: started, random: random()) {
            case .giveUp(let final):
                logGiveUp(final)
                throw started ? final.interruptingAnswer(after: progress.answerLength) : final
            case .retry(let delay):
                logRetry(next: state.attempts + 1, after: delay, failure)
                continuation.yield(.retrying(attempt: state.attempts, after: delay, error: failure))
                try await pause(delay)
            }
        }
    }

    /// One attempt: open, then read the body with an idle watchdog racing the reader.
    private func streamAttempt(
        _ request: HTTPClientRequest, bodyBytes: Int, progress: StreamProgress,
        continuation: AsyncThrowingStream<StreamEvent, any Error>.Continuation
    ) async throws {
        let response = try await transport.open(request, bodyBytes: bodyBytes)
        progress.touch()
        let redactor = transport.redactor
        let idle = configuration.streamIdleTimeout
        let logger = transport.logger
        let path = Transport.loggedPath(request.url)
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                var parser = SSEParser()
                var decoder = StreamChunkDecoder(redactor: redactor)
                func deliver(_ outputs: [SSEParser.Output]) throws {
                    for output in outputs {
                        for event in try decoder.events(from: output) {
                            progress.delivered(event)
                            continuation.yield(event)
                        }
                    }
                }
                var received = 0
                for try await buffer in response.body {
                    progress.touch()
                    received += buffer.readableBytes
                    try deliver(try parser.feed(buffer.readableBytesView))
                }
                try deliver(try parser.finish())
                logger.debug("stream ended", metadata: [
                    "path": "\(path)", "bytes": "\(received)",
                    "ms": "\(Transport.milliseconds(ContinuousClock.now - started))",
                ])
                // The service ends every answer with a finish reason (or a block verdict); a clean EOF
                // without one is a connection cut by something in between, not a short answer.
                if !decoder.deliveredAnything {
                    throw GeminiError(.transport("the stream ended before any answer"))
                }
                if !decoder.isComplete {
                    throw GeminiError(.transport("the stream ended before the answer was complete"))
                }
            }
            group.addTask {
                while true {
                    try await Task.sleep(until: progress.lastActivity.advanced(by: idle), clock: .continuous)
                    if progress.lastActivity.advanced(by: idle) <= .now {
                        throw GeminiError(.idleTimeout(idle))
                    }
                }
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }
}
