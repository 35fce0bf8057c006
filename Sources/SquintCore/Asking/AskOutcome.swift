import GeminiAPI
import Imaging

/// Everything one question produced: the answer folded from the stream, what it was parsed into, and what
/// the store now holds. The same value whether the answer finished or broke off.
public struct AskOutcome: Sendable {
    public var question: Question
    /// The task's prompt as sent (the person's words are `prompt.subject`).
    public var prompt: TaskPrompt
    public var images: [SentImage]
    public var answer: GeminiAnswer
    /// The upright original size of the first image, which detections are in (zero when it could not be read,
    /// which only a non-spatial question allows).
    public var imageSize: PixelSize
    public var usage: TokenUsage
    /// The parse of a spatial answer (warnings, dropped items); nil for captions and questions.
    public var spatial: SpatialResult?
    /// The saved record; nil when nothing was saved (a blocked prompt with no text, or a failed save).
    public var stored: StoredAnswer?
    /// The saved detections with their store ids and review states (carried-over decisions included).
    public var detections: [StoredDetection]
    /// What replacing the image's previous detection set did.
    public var saved: SavedAnswer?
    /// Lines to show: the answer stopped early, masks dropped, decisions carried over.
    public var notes: [String]
    public var firstText: Duration?
    public var total: Duration
    /// The conversation the answer is a turn of (questions only).
    public var conversationID: Int64?
}

/// A question that failed, with what it had got so far.
public struct AskFailure: Error, Sendable {
    public var error: any Error
    /// What arrived before the failure; nil when it failed before asking (a bad image, an empty question).
    public var outcome: AskOutcome?

    public init(error: any Error, outcome: AskOutcome?) {
        self.error = error
        self.outcome = outcome
    }

    /// The answer text that arrived before the failure.
    public var partialText: String { outcome?.answer.text ?? "" }

    public var isCancellation: Bool {
        if error is CancellationError { return true }
        if let error = error as? GeminiError { return error.category == .cancelled }
        return false
    }
}

extension AskFailure: CustomStringConvertible {
    public var description: String { String(describing: error) }
}
