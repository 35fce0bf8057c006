/// One generated answer.
public struct Candidate: Sendable, Hashable {
    public var content: Content?
    public var finishReason: FinishReason?
    public var finishMessage: String?
    public var safetyRatings: [SafetyRating]
    public var index: Int?

    public init(
        content: Content? = nil, finishReason: FinishReason? = nil, finishMessage: String? = nil,
        safetyRatings: [SafetyRating] = [], index: Int? = nil
    ) {
        self.content = content
        self.finishReason = finishReason
        self.finishMessage = finishMessage
        self.safetyRatings = safetyRatings
        self.index = index
    }
}

extension Candidate: Codable {
    enum CodingKeys: String, CodingKey { case content, finishReason, finishMessage, safetyRatings, index }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        content = container.lenient(Content.self, .content)
        finishReason = container.lenient(FinishReason.self, .finishReason)
        finishMessage = container.lenient(String.self, .finishMessage)
        safetyRatings = container.lenientArray(SafetyRating.self, .safetyRatings) ?? []
        index = container.lenientInt32(.index)
    }
}
