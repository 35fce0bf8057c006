import GeminiAPI
/// Everything a task contributes to a request: the user prompt, system instruction and generation settings.
/// Built by `TaskPrompt.make`; the request planner turns it into the wire request.
public struct TaskPrompt: Sendable, Equatable {
    public var task: AskTask
    /// What the person asked, in their words: the question, or what to find ("cups"); the task's default
    /// wording ("prominent objects") when they gave none. This is what history and the TUI show.
    public var subject: String
    /// The text part sent after the image(s).
    public var prompt: String
    public var systemInstruction: String?
    public var temperature: Double?
    /// `generationConfig.thinkingConfig.thinkingBudget`; nil leaves the model's default.
    public var thinkingBudget: Int?
    /// `generationConfig.thinkingConfig.thinkingLevel` (Gemini 3); nil leaves the model's default.
    public var thinkingLevel: String?
    /// Structured output: the answer as JSON following this schema (`responseMimeType: application/json`).
    public var responseJsonSchema: JSONValue?
    /// For spatial tasks, the longest side the image is downscaled to before sending; nil sends it as is.
    public var maxImageSide: Int?

    public init(task: AskTask, subject: String? = nil, prompt: String, systemInstruction: String? = nil, temperature: Double? = nil,
                thinkingBudget: Int? = nil, thinkingLevel: String? = nil, maxImageSide: Int? = nil) {
        self.thinkingLevel = thinkingLevel
        self.task = task
        self.subject = subject ?? prompt
        self.prompt = prompt
        self.systemInstruction = systemInstruction
        self.temperature = temperature
        self.thinkingBudget = thinkingBudget
        self.maxImageSide = maxImageSide
    }
}
