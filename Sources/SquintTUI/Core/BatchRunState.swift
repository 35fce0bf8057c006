import SquintCore

/// The TUI's run of one task over many images (`R`): what it asks, where it stands, how it ended. A value in
/// `AppState`, fed `batchPlanned` / `batchUpdate` / `batchEnded`; the counting is SquintCore's `BatchProgress`,
/// so the status bar says what `squint batch` says.
public struct BatchRunState: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        /// The loop is asking the store which of the images already have this answer.
        case planning
        /// Planned and large: waiting for y/n.
        case confirming
        case running
        /// Esc was pressed: the requests in flight are being cancelled (what finished is stored).
        case stopping
        /// Over: every image finished, or the run was stopped. The summary shows until the next key.
        case ended(stopped: Bool)
    }

    /// The id its events come back under (from the same counter as single requests).
    public var id: Int
    public var spec: BatchSpec
    /// The images asked for, in list order: the marked ones, or every image of the folder.
    public var images: [String]
    /// True when `images` are the marked ones.
    public var fromMarks: Bool
    public var phase: Phase = .planning
    /// Images with this answer already (or waiting in a Batch API job): skipped. Known once planned.
    public var alreadyAnswered = 0
    /// Images to ask about, once planned.
    public var todo = 0
    /// Set when the run starts.
    public var progress: BatchProgress?
    /// The latest word from the run (a retry, fewer requests at a time), until the next image finishes.
    public var note: String?
    public var failures = 0
    /// Spatial answers of this run with detections still pending review (what `]` walks).
    public var toReview = 0
    /// When the stream ended, on the loop's clock: the summary's duration stops there.
    public var endedAt: Double?

    public init(id: Int, spec: BatchSpec, images: [String], fromMarks: Bool) {
        self.id = id
        self.spec = spec
        self.images = images
        self.fromMarks = fromMarks
    }

    /// Planning, waiting for y/n, running or stopping: another `R` is refused until it ends.
    public var isActive: Bool {
        if case .ended = phase { return false }
        return true
    }

    /// Requests may be in flight: the loop ticks and quitting asks first.
    public var isRunning: Bool { phase == .running || phase == .stopping }

    /// `detect "cups"`, `caption`, `ask "what is this?"`: the task and the person's words (cut to `wordColumns`),
    /// unsanitised (the views sanitise).
    public func title(wordColumns: Int = 24) -> String {
        let verb = spec.task == .question ? "ask" : spec.task.rawValue
        guard let words = spec.words?.trimmed, !words.isEmpty else { return verb }
        return verb + " \"" + DisplayWidth.fit(words, columns: wordColumns, pad: false) + "\""
    }

    /// `detect "cups" over 228 images (12 already answered) with gemini-2.5-flash? y/n`
    public var confirmation: String {
        let scope = fromMarks ? "marked image" : "image"
        var text = "\(title()) over \(todo) \(scope)\(todo == 1 ? "" : "s")"
        if alreadyAnswered > 0 { text += " (\(alreadyAnswered) already answered)" }
        return text + " with \(spec.model)? y/n"
    }
}
