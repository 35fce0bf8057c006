/// Token counts reported for one answer (`usageMetadata`), plus the estimate made before sending.
public struct TokenUsage: Sendable, Hashable, Codable {
    public var promptTokens: Int?
    public var candidatesTokens: Int?
    public var thoughtsTokens: Int?
    public var totalTokens: Int?
    /// Squint's own estimate of the prompt's image tokens, made before sending.
    public var estimatedImageTokens: Int?

    public init(promptTokens: Int? = nil, candidatesTokens: Int? = nil, thoughtsTokens: Int? = nil, totalTokens: Int? = nil, estimatedImageTokens: Int? = nil) {
        self.promptTokens = promptTokens
        self.candidatesTokens = candidatesTokens
        self.thoughtsTokens = thoughtsTokens
        self.totalTokens = totalTokens
        self.estimatedImageTokens = estimatedImageTokens
    }
}
