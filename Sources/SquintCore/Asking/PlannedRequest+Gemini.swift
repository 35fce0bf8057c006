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
            case .file(let mimeType, let uri), .url(let mimeType, let uri):
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
        config.responseJsonSchema = options.responseJsonSchema
        let hasConfig = config != GenerationConfig()
        return GenerateContentRequest(contents: Self.turns(wireParts, history: history), systemInstruction: system,
                                      generationConfig: hasConfig ? config : nil)
    }

    /// One user turn, or for a follow-up: the images with the first question, each answer's parts exactly as the
    /// model gave them, the later questions, and this one last.
    static func turns(_ parts: [GeminiAPI.Part], history: [Conversation.Turn]) -> [Content] {
        guard let first = history.first else { return [Content(role: "user", parts: parts)] }
        let images = parts.filter { $0.text == nil }
        let current = parts.filter { $0.text != nil }
        var contents = [Content(role: "user", parts: images + [.text(first.prompt)])]
        for (index, turn) in history.enumerated() {
            if index > 0 { contents.append(Content(role: "user", parts: [.text(turn.prompt)])) }
            contents.append(Content(role: "model", parts: turn.modelParts))
        }
        contents.append(Content(role: "user", parts: current))
        return contents
    }
}
