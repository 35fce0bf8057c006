/// Feedback on the prompt: set when the prompt was blocked.
public struct PromptFeedback: Sendable, Hashable {
    public var blockReason: BlockReason?
    public var blockReasonMessage: String?
    public var safetyRatings: [SafetyRating]

    public init(blockReason: BlockReason? = nil, blockReasonMessage: String? = nil, safetyRatings: [SafetyRating] = []) {
        self.blockReason = blockReason
        self.blockReasonMessage = blockReasonMessage
        self.safetyRatings = safetyRatings
    }
}

extension PromptFeedback: Codable {
    enum CodingKeys: String, CodingKey { case blockReason, blockReasonMessage, safetyRatings }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        blockReason = container.lenient(BlockReason.self, .blockReason)
        blockReasonMessage = container.lenient(String.self, .blockReasonMessage)
        safetyRatings = container.lenientArray(SafetyRating.self, .safetyRatings) ?? []
    }
}
