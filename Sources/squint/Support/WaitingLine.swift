import Foundation
import GeminiAPI
import SquintCore

/// What a person waiting for an answer sees on stderr: the model, what is happening, how long it has taken.
///
/// A value fed the pipeline's events (and the clock), so the wording is tested without a terminal; `Spinner`
/// draws it. `nil` from `text` means there is nothing to show: the answer has started.
struct WaitingLine: Sendable, Equatable {
    enum Phase: Sendable, Equatable {
        case preparing
        case fetching(url: String)
        case uploading(image: String, bytes: Int)
        case processingUpload(image: String)
        case asking
        /// Waiting to try again, until `until` on the same clock as `now`.
        case retrying(attempt: Int, until: Double, reason: String)
        /// The answer is arriving: the line is gone.
        case answering
    }

    static let frames = Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")

    var model: String
    var phase: Phase = .preparing
    let started: Double
    /// The retry policy's limit, for "retry 2/5".
    var maxAttempts: Int?

    init(model: String, started: Double, maxAttempts: Int? = nil) {
        self.model = model
        self.started = started
        self.maxAttempts = maxAttempts
    }

    mutating func apply(_ event: AskEvent, now: Double) {
        switch event {
        case .planned(let model, _):
            // Planned comes once the images are ready (uploaded or inline): the request goes out now.
            self.model = model
            if phase != .answering { phase = .asking }
        case .fetchingImage(let url): phase = .fetching(url: url)
        case .uploading(let image, let bytes): phase = .uploading(image: image, bytes: bytes)
        case .waitingForUpload(let image, _): phase = .processingUpload(image: image)
        case .reusingUpload, .uploadGone: phase = .asking
        case .retrying(let attempt, let delay, let error):
            phase = .retrying(attempt: attempt + 1, until: now + CheckedDuration.seconds(of: delay), reason: ProgressWords.reason(error))
        case .text: phase = .answering
        case .thought, .usage, .finished, .failed: break
        }
    }

    /// The line at `now`, or nil once the answer has started.
    func text(now: Double) -> String? {
        let elapsed = String(format: "%.1f s", max(0, now - started))
        let spinner = String(Self.frames[Int(max(0, now - started) * 10) % Self.frames.count])
        switch phase {
        case .answering:
            return nil
        case .preparing:
            return "\(spinner) preparing the images for \(model)… \(elapsed)"
        case .fetching(let url):
            return "\(spinner) \(ProgressWords.fetching(url))… \(elapsed)"
        case .uploading(let image, let bytes):
            return "\(spinner) \(ProgressWords.uploading(image, bytes: bytes))… \(elapsed)"
        case .processingUpload(let image):
            return "\(spinner) \(ProgressWords.processing(image))… \(elapsed)"
        case .asking:
            return "\(spinner) asking \(model)… \(elapsed)"
        case .retrying(let attempt, let until, let reason):
            let left = max(0, until - now)
            if left <= 0 { return "\(spinner) asking \(model) again… \(elapsed)" }
            let of = maxAttempts.map { "/\($0)" } ?? ""
            return "\(spinner) retry \(attempt)\(of) in \(Int(left.rounded(.up))) s (\(reason)) · \(elapsed)"
        }
    }

}
