/// A model the fake lists and describes, with the fields `models.list` returns.
public struct FakeModel: Sendable {
    /// The id without `models/`, e.g. `gemini-2.5-flash`.
    public var id: String
    public var displayName: String
    public var supportedGenerationMethods: [String]
    public var inputTokenLimit: Int
    public var outputTokenLimit: Int
    public var description: String

    public init(id: String, displayName: String, supportedGenerationMethods: [String],
                inputTokenLimit: Int = 1_048_576, outputTokenLimit: Int = 65_536, description: String = "") {
        self.id = id
        self.displayName = displayName
        self.supportedGenerationMethods = supportedGenerationMethods
        self.inputTokenLimit = inputTokenLimit
        self.outputTokenLimit = outputTokenLimit
        self.description = description
    }

    public var json: FakeJSON {
        [
            "name": .string("models/\(id)"),
            "version": "001",
            "displayName": .string(displayName),
            "description": .string(description),
            "inputTokenLimit": .int(inputTokenLimit),
            "outputTokenLimit": .int(outputTokenLimit),
            "supportedGenerationMethods": .array(supportedGenerationMethods.map { .string($0) }),
            "temperature": 1,
            "topP": 0.95,
            "topK": 64,
            "maxTemperature": 2,
            "thinking": .bool(id.hasPrefix("gemini-2.5")),
        ]
    }

    /// A listing like the real one: vision models, and models that must not be offered for images
    /// (embeddings, image generation, text-to-speech, AQA).
    public static let defaults: [FakeModel] = [
        FakeModel(id: "gemini-2.5-flash", displayName: "Gemini 2.5 Flash",
                  supportedGenerationMethods: ["generateContent", "countTokens", "createCachedContent", "batchGenerateContent"]),
        FakeModel(id: "gemini-2.5-pro", displayName: "Gemini 2.5 Pro",
                  supportedGenerationMethods: ["generateContent", "countTokens", "createCachedContent", "batchGenerateContent"]),
        FakeModel(id: "gemini-2.0-flash", displayName: "Gemini 2.0 Flash",
                  supportedGenerationMethods: ["generateContent", "countTokens", "createCachedContent", "batchGenerateContent"],
                  outputTokenLimit: 8192),
        FakeModel(id: "gemini-embedding-001", displayName: "Gemini Embedding 001",
                  supportedGenerationMethods: ["embedContent", "countTextTokens", "countTokens", "asyncBatchEmbedContent"],
                  inputTokenLimit: 2048, outputTokenLimit: 1),
        FakeModel(id: "gemini-2.5-flash-preview-tts", displayName: "Gemini 2.5 Flash Preview TTS",
                  supportedGenerationMethods: ["countTokens", "generateContent"], inputTokenLimit: 8192, outputTokenLimit: 16384),
        FakeModel(id: "imagen-4.0-generate-001", displayName: "Imagen 4",
                  supportedGenerationMethods: ["predict"], inputTokenLimit: 480, outputTokenLimit: 8192),
        FakeModel(id: "aqa", displayName: "Model that performs Attributed Question Answering.",
                  supportedGenerationMethods: ["generateAnswer"], inputTokenLimit: 7168, outputTokenLimit: 1024),
    ]
}
