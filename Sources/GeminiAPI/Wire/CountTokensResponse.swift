/// The answer of `models/{m}:countTokens`.
public struct CountTokensResponse: Sendable, Hashable {
    public var totalTokens: Int?
    public var cachedContentTokenCount: Int?

    public init(totalTokens: Int? = nil, cachedContentTokenCount: Int? = nil) {
        self.totalTokens = totalTokens
        self.cachedContentTokenCount = cachedContentTokenCount
    }
}

extension CountTokensResponse: Codable {
    enum CodingKeys: String, CodingKey { case totalTokens, cachedContentTokenCount }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        totalTokens = container.lenientInt32(.totalTokens)
        cachedContentTokenCount = container.lenientInt32(.cachedContentTokenCount)
    }
}
