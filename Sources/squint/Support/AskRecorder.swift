import Foundation
import GeminiAPI
import SquintCore

/// What an `ask` run gathered, shared between the work task and the command that reports it (the work may be
/// cancelled by Ctrl-C half way).
final class AskRecorder: @unchecked Sendable {
    struct Snapshot {
        var model: String
        var answer: GeminiAnswer
        var images: [AnswerReport.Image]
        var firstText: Duration?
        var total: Duration

        var summary: String {
            var parts: [String] = [answer.modelVersion ?? model]
            if let usage = answer.usage {
                var tokens = "\(usage.promptTokenCount ?? 0) prompt + \(usage.candidatesTokenCount ?? 0) answer"
                if let thoughts = usage.thoughtsTokenCount, thoughts > 0 { tokens += " + \(thoughts) thinking" }
                tokens += " = \(usage.totalTokenCount ?? 0) tokens"
                parts.append(tokens)
            }
            if let firstText { parts.append("first text after \(DurationText.format(firstText))") }
            parts.append("done in \(DurationText.format(total))")
            if answer.retries > 0 { parts.append("\(answer.retries) retr\(answer.retries == 1 ? "y" : "ies")") }
            return parts.joined(separator: ", ")
        }

        func report(requestedModel: String, failure: (any Error)?) -> AnswerReport {
            AnswerReport(
                model: requestedModel, modelVersion: answer.modelVersion, text: answer.text,
                thoughts: answer.thoughts.isEmpty ? nil : answer.thoughts,
                finishReason: answer.finishReason?.rawValue, blockReason: answer.blockReason?.rawValue,
                usage: AnswerReport.Usage(answer.usage),
                timings: .init(firstTextSeconds: firstText.map(Self.seconds), totalSeconds: Self.seconds(total)),
                images: images, retries: answer.retries,
                error: failure.map { .init(message: String(describing: $0), exitStatus: ExitStatus.forError($0).rawValue) })
        }

        static func seconds(_ duration: Duration) -> Double {
            let (seconds, attoseconds) = duration.components
            return ((Double(seconds) + Double(attoseconds) / 1e18) * 1000).rounded() / 1000
        }
    }

    private let lock = NSLock()
    private var model = ""
    private var answer = GeminiAnswer()
    private var images: [AnswerReport.Image] = []
    private var firstText: Duration?
    private var wasPlanned = false

    /// True once the request was planned: from then on `--json` reports even a failure.
    var planned: Bool { locked { wasPlanned } }

    func planned(_ plan: PlannedRequest, images loaded: [AskImage]) {
        locked {
            wasPlanned = true
            model = plan.model
            var uploads = plan.uploadedFiles.makeIterator()
            images = zip(loaded, plan.parts).map { image, part in
                let sentAs: String = if case .file = part { uploads.next() ?? "file" } else { "inline" }
                return AnswerReport.Image(path: image.name, mimeType: image.mimeType, sentAs: sentAs)
            }
        }
    }

    func apply(_ event: StreamEvent, at elapsed: Duration) {
        locked {
            answer.apply(event)
            if case .text(let text) = event, !text.isEmpty, firstText == nil { firstText = elapsed }
        }
    }

    func apply(response: GenerateContentResponse, at elapsed: Duration) {
        locked {
            let retries = answer.retries
            answer = GeminiAnswer(response: response)
            answer.retries = retries
            if !answer.text.isEmpty { firstText = elapsed }
        }
    }

    /// The safety verdict as an error: a blocked prompt, or an answer cut by a filter.
    var blockedError: GeminiError? {
        locked {
            if let error = answer.blockedError { return error }
            if let reason = answer.finishReason, reason.isBlocking {
                return GeminiError.blocked(reason: reason.rawValue, message: "the answer was cut short by the filters")
            }
            return nil
        }
    }

    func snapshot(total: Duration) -> Snapshot {
        locked { Snapshot(model: model, answer: answer, images: images, firstText: firstText, total: total) }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
