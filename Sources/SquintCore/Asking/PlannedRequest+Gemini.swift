import Foundation
import GeminiAPI

extension PlannedRequest {
    /// The REST body: one user turn with the image parts first, then the question; options in
    /// `systemInstruction` and `generationConfig` only when set, so the service's defaults apply otherwise.
    public var generateContentRequest: GenerateContentRequest {
        let wireParts: [GeminiAPI.Part] = parts.map { part in
            switch part {
            case .inline(let mimeType, let bytes): .inline(Data(bytes), mimeType: mimeType)
            case .file(let mimeType, let uri): .file(uri: uri, mimeType: mimeType)
            case .text(let text): .text(text)
            }
        }
        let system = options.systemInstruction.flatMap { $0.isEmpty ? nil : Content(role: nil, parts: [.text($0)]) }
        var config = GenerationConfig(temperature: options.temperature, maxOutputTokens: options.maxOutputTokens,
                                      responseMimeType: options.responseMimeType)
        if let budget = options.thinkingBudget { config.thinkingConfig = ThinkingConfig(thinkingBudget: budget) }
        let hasConfig = config != GenerationConfig()
        return GenerateContentRequest(contents: [Content(role: "user", parts: wireParts)], systemInstruction: system,
                                      generationConfig: hasConfig ? config : nil)
    }
}
