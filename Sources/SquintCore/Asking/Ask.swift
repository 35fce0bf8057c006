import GeminiAPI
/// A question about images, with the generation options the user chose.
public struct Ask: Sendable, Equatable {
    public var images: [AskImage]
    public var question: String
    public var options: AskOptions
    /// Earlier turns of the conversation this question continues.
    public var history: [Conversation.Turn] = []

    public init(images: [AskImage], question: String, options: AskOptions) {
        self.images = images
        self.question = question
        self.options = options
    }
}

/// The knobs of one request; nil leaves the service's default.
public struct AskOptions: Sendable, Equatable {
    public var model: String
    public var systemInstruction: String?
    public var temperature: Double?
    public var maxOutputTokens: Int?
    /// 0 turns thinking off; -1 lets the model decide.
    public var thinkingBudget: Int?
    /// `application/json` for answers that must parse.
    public var responseMimeType: String?
    /// Gemini 3's `thinkingLevel`, instead of a budget.
    public var thinkingLevel: String?
    /// How many tokens each image may take; per part or for the request, as the model's family takes it.
    public var mediaResolution: MediaResolution?
    /// A JSON Schema the answer must follow (spatial tasks on models that take one).
    public var responseJsonSchema: JSONValue?

    public init(model: String, systemInstruction: String? = nil, temperature: Double? = nil,
                maxOutputTokens: Int? = nil, thinkingBudget: Int? = nil, responseMimeType: String? = nil) {
        self.model = model
        self.systemInstruction = systemInstruction
        self.temperature = temperature
        self.maxOutputTokens = maxOutputTokens
        self.thinkingBudget = thinkingBudget
        self.responseMimeType = responseMimeType
    }
}
