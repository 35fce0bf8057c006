/// Token counts of a request and its answer.
public struct UsageMetadata: Sendable, Hashable {
    public var promptTokenCount: Int?
    public var candidatesTokenCount: Int?
    public var thoughtsTokenCount: Int?
    public var cachedContentTokenCount: Int?
    public var toolUsePromptTokenCount: Int?
    public var totalTokenCount: Int?

    public init(
        promptTokenCount: Int? = nil, candidatesTokenCount: Int? = nil, thoughtsTokenCount: Int? = nil,
        cachedContentTokenCount: Int? = nil, toolUsePromptTokenCount: Int? = nil, totalTokenCount: Int? = nil
    ) {
        self.promptTokenCount = promptTokenCount
        self.candidatesTokenCount = candidatesTokenCount
        self.thoughtsTokenCount = thoughtsTokenCount
        self.cachedContentTokenCount = cachedContentTokenCount
        self.toolUsePromptTokenCount = toolUsePromptTokenCount
        self.totalTokenCount = totalTokenCount
    }
}

extension UsageMetadata: Codable {
    enum CodingKeys: String, CodingKey {
        case promptTokenCount, candidatesTokenCount, thoughtsTokenCount, cachedContentTokenCount
        case toolUsePromptTokenCount, totalTokenCount
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        promptTokenCount = container.lenientInt32(.promptTokenCount)
        candidatesTokenCount = container.lenientInt32(.candidatesTokenCount)
        thoughtsTokenCount = container.lenientInt32(.thoughtsTokenCount)
        cachedContentTokenCount = container.lenientInt32(.cachedContentTokenCount)
        toolUsePromptTokenCount = container.lenientInt32(.toolUsePromptTokenCount)
        totalTokenCount = container.lenientInt32(.totalTokenCount)
    }
}
