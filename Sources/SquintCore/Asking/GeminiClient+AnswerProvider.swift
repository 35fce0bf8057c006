import GeminiAPI

extension GeminiClient: AnswerProvider {
    public func countTokens(_ request: PlannedRequest) async throws -> Int {
        try await countTokens(model: request.model, request: request.generateContentRequest).totalTokens ?? 0
    }

    public func answer(_ request: PlannedRequest, streaming: Bool) -> AsyncThrowingStream<StreamEvent, any Error> {
        // The streaming call already ends its request when the consumer goes away.
        if streaming { return streamGenerateContent(model: request.model, request: request.generateContentRequest) }
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: StreamEvent.self)
        let task = Task {
            do {
                // Retries are events here too, so a person waiting sees "retry 2/5 in 4 s" rather than nothing.
                let response = try await generateContent(model: request.model, request: request.generateContentRequest) { attempt, delay, error in
                    continuation.yield(.retrying(attempt: attempt, after: delay, error: error))
                }
                for event in response.streamEvents { continuation.yield(event) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}

extension GenerateContentResponse {
    /// A whole response as the events a stream would have delivered, so one fold serves both.
    var streamEvents: [StreamEvent] {
        var events: [StreamEvent] = []
        if let version = modelVersion { events.append(.modelVersion(version)) }
        if let reason = blockReason { events.append(.blocked(reason, message: promptFeedback?.blockReasonMessage)) }
        if !thoughtText.isEmpty { events.append(.thought(thoughtText)) }
        if !text.isEmpty { events.append(.text(text)) }
        // The answer's thought signatures, for a follow-up to send back (on the text they came with).
        for part in candidates.first?.content?.parts ?? [] where !part.isThought {
            if let signature = part.thoughtSignature, !signature.isEmpty { events.append(.signature(signature)) }
        }
        if let usage = usageMetadata { events.append(.usage(usage)) }
        if let reason = finishReason { events.append(.finish(reason)) }
        return events
    }
}
