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

/// The body of `countTokens`: the whole generate request, so system instruction and config count too.
struct CountTokensRequest: Encodable {
    struct Inner: Encodable {
        var model: String
        var contents: [Content]
        var systemInstruction: Content?
        var generationConfig: GenerationConfig?
        var safetySettings: [SafetySetting]?
    }

    var generateContentRequest: Inner

    init(model: String, request: GenerateContentRequest) {
        generateContentRequest = Inner(
            model: model, contents: request.contents, systemInstruction: request.systemInstruction,
            generationConfig: request.generationConfig, safetySettings: request.safetySettings)
    }
}
