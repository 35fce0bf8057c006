import Foundation
import Imaging

/// One question and its answer, as saved: what was asked (the person's words and the prompt actually sent),
/// what came back, and whether it came back whole.
public struct AnswerDraft: Sendable, Equatable {
    /// The image the detections refer to (the first image of a multi-image question).
    public var imagePath: String
    /// The other images of a multi-image question, in order; their history lists this answer too.
    public var otherImagePaths: [String] = []
    public var task: AskTask
    /// What the person asked: their question, or what to find ("cups"); the task's default wording when they
    /// gave none. History, the answer pane and exports show this, never the prompt template.
    public var question: String
    /// The text part actually sent (the task's prompt template filled in), for reproducing the request.
    public var prompt: String
    public var text: String
    /// The model asked for (`--model`, the config's `model`): what later runs compare against.
    public var model: String
    /// The model version that answered, when the service said.
    public var modelVersion: String?
    public var usage: TokenUsage?
    /// The upright original's size, which the detections' pixels refer to.
    public var imageSize: PixelSize
    public var warnings: [String]
    /// False for an answer that broke off (a dropped stream, Esc, a filter): its text is what arrived.
    public var isComplete: Bool
    /// Why an incomplete answer broke off, one line.
    public var error: String?
    /// `STOP`, `MAX_TOKENS`, `SAFETY`…
    public var finishReason: String?
    /// Attempts retried before the answer started.
    public var retries: Int
    public var createdAt: Date
    /// The imported label set this answer holds; nil for Gemini's answers.
    public var labelSet: LabelSet?
    /// The images among `imagePaths` that Gemini fetched by URL, with what their first bytes told (their store
    /// fingerprint: there is no local file to hash).
    public var remoteImages: [RemoteImage] = []
    /// The Batch API request this answers: marked ingested in the transaction that saves the answer.
    public var batchItem: BatchJobItemID?

    public init(imagePath: String, otherImagePaths: [String] = [], task: AskTask, question: String, prompt: String? = nil,
                text: String, model: String, modelVersion: String? = nil, usage: TokenUsage? = nil, imageSize: PixelSize,
                warnings: [String] = [], isComplete: Bool = true, error: String? = nil, finishReason: String? = nil,
                retries: Int = 0, createdAt: Date = Date(), labelSet: LabelSet? = nil) {
        self.labelSet = labelSet
        self.imagePath = imagePath
        self.otherImagePaths = otherImagePaths
        self.task = task
        self.question = question
        self.prompt = prompt ?? question
        self.text = text
        self.model = model
        self.modelVersion = modelVersion
        self.usage = usage
        self.imageSize = imageSize
        self.warnings = warnings
        self.isComplete = isComplete
        self.error = error
        self.finishReason = finishReason
        self.retries = retries
        self.createdAt = createdAt
    }

    /// Every image the answer is about, the first one first.
    public var imagePaths: [String] { [imagePath] + otherImagePaths }
}
