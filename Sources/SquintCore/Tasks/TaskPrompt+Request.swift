import GeminiAPI

extension TaskPrompt {
    /// The `generateContent` request for this prompt: images first, the question last (the order Gemini's
    /// spatial examples use), the system instruction, temperature and thinking budget when set.
    public func request(images: [Part]) -> GenerateContentRequest {
        var config: GenerationConfig?
        if temperature != nil || thinkingBudget != nil {
            config = GenerationConfig(temperature: temperature, thinkingConfig: thinkingBudget.map { ThinkingConfig(thinkingBudget: $0) })
        }
        return GenerateContentRequest(
            contents: [Content(role: "user", parts: images + [.text(prompt)])],
            systemInstruction: systemInstruction.map { Content(role: nil, parts: [.text($0)]) },
            generationConfig: config)
    }
}
