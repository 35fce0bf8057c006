import SquintCore

/// The task the person ran last in this session, with their words: what `R` runs over many images.
public struct RepeatableTask: Sendable, Equatable {
    public var task: AskTask
    /// The question, or what a spatial task looks for (nil: the task's default subject).
    public var words: String?

    public init(task: AskTask, words: String?) {
        self.task = task
        self.words = words
    }
}
