/// A model as `models` and `models/{m}` describe it.
public struct Model: Sendable, Hashable {
    /// Resource name, `models/gemini-2.5-flash`.
    public var name: String
    public var baseModelId: String?
    public var version: String?
    public var displayName: String?
    public var description: String?
    public var inputTokenLimit: Int?
    public var outputTokenLimit: Int?
    public var supportedGenerationMethods: [String]
    public var temperature: Double?
    public var maxTemperature: Double?
    public var topP: Double?
    public var topK: Int?
    public var thinking: Bool?

    public init(name: String, displayName: String? = nil, supportedGenerationMethods: [String] = []) {
        self.name = name
        self.displayName = displayName
        self.supportedGenerationMethods = supportedGenerationMethods
    }

    /// The name without the `models/` prefix, as users type it.
    public var shortName: String {
        name.hasPrefix("models/") ? String(name.dropFirst("models/".count)) : name
    }

    /// Whether the model answers `generateContent` (the only method Squint uses).
    public var supportsGenerateContent: Bool {
        supportedGenerationMethods.contains("generateContent")
    }
}

extension Model: Codable {
    enum CodingKeys: String, CodingKey {
        case name, baseModelId, version, displayName, description, inputTokenLimit, outputTokenLimit
        case supportedGenerationMethods, temperature, maxTemperature, topP, topK, thinking
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = container.lenient(String.self, .name) ?? ""
        baseModelId = container.lenient(String.self, .baseModelId)
        version = container.lenient(String.self, .version)
        displayName = container.lenient(String.self, .displayName)
        description = container.lenient(String.self, .description)
        inputTokenLimit = container.lenientInt32(.inputTokenLimit)
        outputTokenLimit = container.lenientInt32(.outputTokenLimit)
        supportedGenerationMethods = container.lenientArray(String.self, .supportedGenerationMethods) ?? []
        temperature = container.lenientDouble(.temperature)
        maxTemperature = container.lenientDouble(.maxTemperature)
        topP = container.lenientDouble(.topP)
        topK = container.lenientInt32(.topK)
        thinking = container.lenient(Bool.self, .thinking)
    }
}
