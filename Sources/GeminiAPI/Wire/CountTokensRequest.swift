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
