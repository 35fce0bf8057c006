/// What `SpatialAsk.run` produced.
public struct SpatialAnswer: Sendable, Equatable {
    public var imagePath: String
    public var image: PreparedImage
    public var model: String
    public var prompt: TaskPrompt
    public var text: String
    public var result: SpatialResult
    public var usage: TokenUsage

    /// The store record for this answer.
    public var draft: AnswerDraft {
        AnswerDraft(imagePath: imagePath, task: prompt.task.rawValue, question: prompt.prompt, text: text, model: model,
                    usage: usage, imageSize: image.uprightSize, warnings: result.warnings)
    }
}
