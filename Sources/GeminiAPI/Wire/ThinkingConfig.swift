/// Reasoning controls of thinking models (`generationConfig.thinkingConfig`).
public struct ThinkingConfig: Sendable, Hashable, Codable {
    /// Token budget for reasoning: `0` turns thinking off where the model allows it, `-1` lets the model decide.
    public var thinkingBudget: Int?
    /// Ask for reasoning summaries as `thought: true` parts.
    public var includeThoughts: Bool?
    /// Gemini 3's control instead of a budget: `MINIMAL`, `LOW`, `MEDIUM`, `HIGH` (which ones depends on the
    /// model). Sending it together with `thinkingBudget` is a 400.
    public var thinkingLevel: String?

    public init(thinkingBudget: Int? = nil, includeThoughts: Bool? = nil, thinkingLevel: String? = nil) {
        self.thinkingBudget = thinkingBudget
        self.includeThoughts = includeThoughts
        self.thinkingLevel = thinkingLevel
    }
}
