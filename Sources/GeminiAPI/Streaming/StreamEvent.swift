/// What a streamed answer delivers, in order.
public enum StreamEvent: Sendable, Hashable {
    /// A piece of the answer text.
    case text(String)
    /// A piece of the model's reasoning summary (`thought: true` parts), never part of the answer.
    case thought(String)
    /// The `thoughtSignature` of the part whose text came just before (or of a part with no text): a later
    /// turn must send it back unchanged, on the same part.
    case signature(String)
    /// Token counts so far; each one replaces the previous (the service sends running totals).
    case usage(UsageMetadata)
    /// The first candidate's finish reason.
    case finish(FinishReason)
    /// The model version that answered, sent once.
    case modelVersion(String)
    /// The prompt was refused (`promptFeedback.blockReason` with no candidates); the stream then ends.
    case blocked(BlockReason, message: String?)
    /// An attempt failed before any answer arrived; the client waits `after` and tries again.
    case retrying(attempt: Int, after: Duration, error: GeminiError)
}
