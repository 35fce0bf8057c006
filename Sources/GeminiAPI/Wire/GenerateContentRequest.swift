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
