/// What a batch asks of every image: the task, the person's words, the model and its settings, and how the
/// requests are paced. Each image's `Question` comes from here, so a batch answer is stored exactly as a single
/// `squint detect` (or `ask`) would store it.
public struct BatchSpec: Sendable, Equatable, Codable {
    public var task: AskTask
    public var words: String?
    public var model: String
    public var systemInstruction: String?
    public var temperature: Double?
    public var itemLimit: Int?
    public var maxImageSide: Int?
    /// The most requests in flight at once (`--concurrency`).
    public var concurrency: Int
    /// The most requests started in any minute (`--rpm`).
    public var requestsPerMinute: Int?
    /// Ask again about images that already have an answer (`--redo`).
    public var redo: Bool

    public static let defaultConcurrency = 4

    public init(task: AskTask, words: String? = nil, model: String, systemInstruction: String? = nil, temperature: Double? = nil,
                itemLimit: Int? = nil, maxImageSide: Int? = nil, concurrency: Int = defaultConcurrency,
                requestsPerMinute: Int? = nil, redo: Bool = false) {
        self.task = task
        self.words = words
        self.model = model
        self.systemInstruction = systemInstruction
        self.temperature = temperature
        self.itemLimit = itemLimit
        self.maxImageSide = maxImageSide
        self.concurrency = concurrency
        self.requestsPerMinute = requestsPerMinute
        self.redo = redo
    }

    /// The question about one image. Batches wait for whole answers: nobody reads them as they stream.
    public func question(for path: String) -> Question {
        Question(task: task, imagePaths: [path], words: words, model: model, systemInstruction: systemInstruction,
                 temperature: temperature, itemLimit: itemLimit, maxImageSide: maxImageSide, streaming: false)
    }
}
