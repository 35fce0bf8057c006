import SquintCore

/// What the loop hears of a running batch, one `BatchEvent` each, as a value the state machine can compare:
/// an answered image's stored answer and detections (its mark and, when it is on screen, its overlays come
/// from these, without asking the store again), a failure as the `ErrorReport` `E` shows.
public enum BatchUpdate: Sendable, Equatable {
    case asking(path: String)
    /// "retry 2 in 4 s (429)"
    case retrying(path: String, message: String)
    case concurrencyLowered(to: Int)
    case answered(path: String, answer: StoredAnswer?, detections: [StoredDetection], usage: TokenUsage?)
    case failed(path: String, report: ErrorReport, answer: StoredAnswer?, usage: TokenUsage?)
}
