/// The body of `models/{m}:generateContent` and `:streamGenerateContent`.
///
/// Field names are the REST API's camelCase names; `nil` fields are omitted from the JSON.
public struct GenerateContentRequest: Sendable, Hashable, Codable {
    public var contents: [Content]
    public var systemInstruction: Content?
    public var generationConfig: GenerationConfig?
    public var safetySettings: [SafetySetting]?

    public init(
        contents: [Content], systemInstruction: Content? = nil, generationConfig: GenerationConfig? = nil,
        safetySettings: [SafetySetting]? = nil
    ) {
        self.contents = contents
        self.systemInstruction = systemInstruction
        self.generationConfig = generationConfig
        self.safetySettings = safetySettings
    }
}

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

    public init(
        temperature: Double? = nil, topP: Double? = nil, topK: Int? = nil, maxOutputTokens: Int? = nil,
        candidateCount: Int? = nil, stopSequences: [String]? = nil, seed: Int? = nil,
        responseMimeType: String? = nil, responseSchema: JSONValue? = nil, thinkingConfig: ThinkingConfig? = nil
    ) {
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

/// One safety filter override.
public struct SafetySetting: Sendable, Hashable, Codable {
    public var category: HarmCategory
    public var threshold: HarmBlockThreshold

    public init(category: HarmCategory, threshold: HarmBlockThreshold) {
        self.category = category
        self.threshold = threshold
    }
}
