import GeminiAPI

/// The one seam between the ask pipeline and a model service: upload files, and answer a planned request as a
/// stream of events. `GeminiClient` is the real one; tests script one; a second provider would sit here too,
/// behind the same pipeline.
public protocol AnswerProvider: FileUploading {
    /// Answers `request`. Streaming delivers text as it arrives; unary delivers the same events at the end.
    /// Cancelling the consumer cancels the request.
    func answer(_ request: PlannedRequest, streaming: Bool) -> AsyncThrowingStream<StreamEvent, any Error>
    /// The request's exact prompt tokens (`countTokens`), without an answer.
    func countTokens(_ request: PlannedRequest) async throws -> Int
}
