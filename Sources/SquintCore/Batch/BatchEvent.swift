import GeminiAPI

/// What a running batch reports, for the CLI's progress line and JSON lines and the TUI's status bar.
public enum BatchEvent: Sendable {
    /// A request for this image went out (its images prepared, a slot free).
    case asking(path: String)
    /// A request is waiting to try again (429, 5xx, a dropped connection).
    case retrying(path: String, attempt: Int, delay: Duration, error: GeminiError)
    /// The service said 429: fewer requests in flight for a while.
    case concurrencyLowered(to: Int)
    /// One image is done: answered and stored, or failed (what arrived before a failure is stored as
    /// incomplete, and asked about again by the next run).
    case finished(BatchImageResult)
}

/// How one image of a batch ended.
public enum BatchImageResult: Sendable {
    case answered(path: String, outcome: AskOutcome)
    case failed(path: String, failure: AskFailure)

    public var path: String {
        switch self {
        case .answered(let path, _), .failed(let path, _): path
        }
    }

    public var isAnswered: Bool {
        if case .answered = self { return true }
        return false
    }

    /// The answer's token counts (also for a failure that got part of an answer).
    public var usage: TokenUsage? {
        switch self {
        case .answered(_, let outcome): outcome.usage
        case .failed(_, let failure): failure.outcome?.usage
        }
    }
}
