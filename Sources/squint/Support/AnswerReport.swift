import Foundation
import GeminiAPI
import SquintCore

/// The single JSON object `squint ask --json` prints at the end. Field names follow the API's where they mirror it.
struct AnswerReport: Encodable {
    struct Timings: Encodable {
        /// From start to the first piece of answer text (nil when none arrived).
        var firstTextSeconds: Double?
        var totalSeconds: Double
    }

    struct Image: Encodable {
        var path: String
        var mimeType: String
        /// `inline`, `url` (Gemini fetched it, `--url-mode pass`), or the Files API name (`files/abc`) it was uploaded as.
        var sentAs: String
    }

    struct Failure: Encodable {
        var message: String
        var exitStatus: Int32
    }

    var model: String
    var modelVersion: String?
    var text: String
    var thoughts: String?
    var finishReason: String?
    var blockReason: String?
    /// The same `usage` shape as every other `--json` output.
    var usage: SpatialReport.Usage?
    var timings: Timings
    var images: [Image]
    var retries: Int
    /// False when the answer broke off (it is saved, marked incomplete).
    var complete: Bool
    var error: Failure?
    /// The conversation the answer belongs to: `squint ask --conversation ID` continues it.
    var conversationId: Int64?
    var version = JSONOutput.version

    init(outcome: AskOutcome, failure: (any Error)?) {
        let answer = outcome.answer
        model = outcome.question.model
        modelVersion = answer.modelVersion
        text = answer.text
        thoughts = answer.thoughts.isEmpty ? nil : answer.thoughts
        finishReason = answer.finishReason?.rawValue
        blockReason = answer.blockReason?.rawValue
        usage = SpatialReport.Usage(outcome.usage)
        timings = Timings(firstTextSeconds: outcome.firstText.map(Self.seconds), totalSeconds: Self.seconds(outcome.total))
        images = outcome.images.map { Image(path: $0.path, mimeType: $0.mimeType, sentAs: $0.sentAs) }
        retries = answer.retries
        conversationId = outcome.conversationID
        complete = failure == nil
        error = failure.map { Failure(message: String(describing: $0), exitStatus: ExitStatus.forError($0).rawValue) }
    }

    static func seconds(_ duration: Duration) -> Double {
        (CheckedDuration.seconds(of: duration) * 1000).rounded() / 1000
    }

    /// One line; on a terminal the C1 controls and bidi overrides JSON leaves raw are escaped too.
    func encoded(forTerminal: Bool) -> String {
        String(JSONOutput.line(self, forTerminal: forTerminal).dropLast())
    }

    /// The stderr line after an answer: model, tokens, timings, retries.
    static func summary(_ outcome: AskOutcome) -> String {
        let answer = outcome.answer
        var parts: [String] = [answer.modelVersion ?? outcome.question.model]
        if let usage = answer.usage {
            var tokens = "\(usage.promptTokenCount ?? 0) prompt + \(usage.candidatesTokenCount ?? 0) answer"
            if let thoughts = usage.thoughtsTokenCount, thoughts > 0 { tokens += " + \(thoughts) thinking" }
            tokens += " = \(usage.totalTokenCount ?? 0) tokens"
            parts.append(tokens)
        }
        if let firstText = outcome.firstText { parts.append("first text after \(DurationText.format(firstText))") }
        parts.append("done in \(DurationText.format(outcome.total))")
        if answer.retries > 0 { parts.append("\(answer.retries) retr\(answer.retries == 1 ? "y" : "ies")") }
        if let id = outcome.conversationID { parts.append("conversation \(id) (follow up with squint ask -c -p …)") }
        return parts.joined(separator: ", ")
    }
}
