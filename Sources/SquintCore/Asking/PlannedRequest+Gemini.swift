import Foundation
import GeminiAPI

extension PlannedRequest {
    /// The REST body: one user turn with the image parts first, then the question; options in
    /// `systemInstruction` and `generationConfig` only when set, so the service's defaults apply otherwise.
    /// Thinking and media resolution take the shape the model's family takes (`ModelFamily`).
    public var generateContentRequest: GenerateContentRequest {
        let family = ModelFamily.of(options.model)
        let perPart = options.mediaResolution.flatMap { family.mediaResolutionPerPart ? PartMediaResolution(level: $0.wireName) : nil }
        let wireParts: [GeminiAPI.Part] = parts.map { part in
            switch part {
            case .inline(let mimeType, let bytes):
                var wire = GeminiAPI.Part.inline(Data(bytes), mimeType: mimeType)
                wire.mediaResolution = perPart
                return wire
            case .file(let mimeType, let uri):
                var wire = GeminiAPI.Part.file(uri: uri, mimeType: mimeType)
                wire.mediaResolution = perPart
                return wire
            case .text(let text): return .text(text)
            }
        }
        let system = options.systemInstruction.flatMap { $0.isEmpty ? nil : Content(role: nil, parts: [.text($0)]) }
        var config = GenerationConfig(temperature: options.temperature, maxOutputTokens: options.maxOutputTokens,
                                      responseMimeType: options.responseMimeType)
        if let level = options.thinkingLevel {
            config.thinkingConfig = ThinkingConfig(thinkingLevel: level)
        } else if let budget = options.thinkingBudget {
            config.thinkingConfig = ThinkingConfig(thinkingBudget: budget)
        }
        if let resolution = options.mediaResolution, !family.mediaResolutionPerPart { config.mediaResolution = resolution.wireName }
        let hasConfig = config != GenerationConfig()
        return GenerateContentRequest(contents: [Content(role: "user", parts: wireParts)], systemInstruction: system,
                                      generationConfig: hasConfig ? config : nil)
    }
}
