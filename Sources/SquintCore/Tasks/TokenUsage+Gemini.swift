import GeminiAPI

extension TokenUsage {
    /// The store's copy of Gemini's `usageMetadata`, with Squint's own estimate next to it.
    public init(_ metadata: UsageMetadata?, estimatedImageTokens: Int? = nil) {
        self.init(promptTokens: metadata?.promptTokenCount, candidatesTokens: metadata?.candidatesTokenCount,
                  thoughtsTokens: metadata?.thoughtsTokenCount, totalTokens: metadata?.totalTokenCount,
                  estimatedImageTokens: estimatedImageTokens)
    }
}
