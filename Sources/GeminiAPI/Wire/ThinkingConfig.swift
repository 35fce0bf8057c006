/// Reasoning controls of thinking models (`generationConfig.thinkingConfig`).
public struct ThinkingConfig: Sendable, Hashable, Codable {
    /// Token budget for reasoning: `0` turns thinking off where the model allows it, `-1` lets the model decide.
    public var thinkingBudget: Int?
    /// Ask for reasoning summaries as `thought: true` parts.
    public var includeThoughts: Bool?

    public init(thinkingBudget: Int? = nil, includeThoughts: Bool? = nil) {
        self.thinkingBudget = thinkingBudget
        self.includeThoughts = includeThoughts
    }
}
