import GeminiAPI

extension GeminiClient {
    /// Plans `ask` (uploading the images that must be uploaded) and streams the answer: the whole
    /// "question to answer" flow in one call, for the TUI. Planning failures (`AskError`, upload
    /// `GeminiError`s) end the stream with that error; cancelling the consumer cancels uploads and request alike.
    public func streamAnswer(to ask: Ask, planner: RequestPlanner) -> AsyncThrowingStream<StreamEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: StreamEvent.self)
        let task = Task {
            do {
                let plan = try await planner.plan(ask)
                for try await event in streamGenerateContent(model: plan.model, request: plan.generateContentRequest) {
                    continuation.yield(event)
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
