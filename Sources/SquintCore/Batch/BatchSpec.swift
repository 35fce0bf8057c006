/// What a batch asks of every image — one `Question` with its image left out — and how the requests are
/// paced. Each image's question is the template with that image, so a batch answer is stored exactly as a
/// single `squint detect` (or `ask`) would store it.
public struct BatchSpec: Sendable, Equatable, Codable {
    /// The question asked about every image; its `imagePaths` are ignored.
    public var template: Question
    /// The most requests in flight at once (`--concurrency`).
    public var concurrency: Int
    /// The most requests started in any minute (`--rpm`).
    public var requestsPerMinute: Int?
    /// Ask again about images that already have an answer (`--redo`).
    public var redo: Bool

    public static let defaultConcurrency = 4

    public init(task: AskTask, words: String? = nil, model: String, itemLimit: Int? = nil, maxImageSide: Int? = nil,
                concurrency: Int = defaultConcurrency, requestsPerMinute: Int? = nil, redo: Bool = false) {
        // Batches wait for whole answers: nobody reads them as they stream.
        template = Question(task: task, imagePaths: [], words: words, model: model, itemLimit: itemLimit,
                            maxImageSide: maxImageSide, streaming: false)
        self.concurrency = concurrency
        self.requestsPerMinute = requestsPerMinute
        self.redo = redo
    }

    public var task: AskTask { template.task }
    public var words: String? {
        get { template.words }
        set { template.words = newValue }
    }
    public var model: String {
        get { template.model }
        set { template.model = newValue }
    }

    /// The question about one image.
    public func question(for path: String) -> Question {
        var question = template
        question.imagePaths = [path]
        return question
    }
}
