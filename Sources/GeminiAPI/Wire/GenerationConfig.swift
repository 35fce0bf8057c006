/// Sampling and output controls (`generationConfig`).
public struct GenerationConfig: Sendable, Hashable, Codable {
    public var temperature: Double?
    public var topP: Double?
    public var topK: Int?
    public var maxOutputTokens: Int?
    public var candidateCount: Int?
    public var stopSequences: [String]?
    public var seed: Int?
    /// `application/json` asks for JSON output; with `responseSchema` the output follows the schema.
    public var responseMimeType: String?
    /// An OpenAPI-subset schema object, passed through unchanged.
    public var responseSchema: JSONValue?
    public var thinkingConfig: ThinkingConfig?
    /// `MEDIA_RESOLUTION_LOW|MEDIUM|HIGH` for every image of the request (Gemini 2.5; Gemini 3 takes it per part).
    public var mediaResolution: String?
    /// A JSON Schema the output must follow (with `responseMimeType: application/json`); unlike
    /// `responseSchema` it takes standard JSON Schema.
    public var responseJsonSchema: JSONValue?

    public init(
        temperature: Double? = nil, topP: Double? = nil, topK: Int? = nil, maxOutputTokens: Int? = nil,
        candidateCount: Int? = nil, stopSequences: [String]? = nil, seed: Int? = nil,
        responseMimeType: String? = nil, responseSchema: JSONValue? = nil, thinkingConfig: ThinkingConfig? = nil,
        mediaResolution: String? = nil
    ) {
        self.mediaResolution = mediaResolution
        self.temperature = temperature
        self.topP = topP
        self.topK = topK
        self.maxOutputTokens = maxOutputTokens
        self.candidateCount = candidateCount
        self.stopSequences = stopSequences
        self.seed = seed
        self.responseMimeType = responseMimeType
        self.responseSchema = responseSchema
        self.thinkingConfig = thinkingConfig
    }
}
