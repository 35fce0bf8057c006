import Foundation
import SquintCore
import TerminalGraphics

/// `squint history` as a log: one heading line per answer (local time, task, the person's own words, images,
/// model) and a one-line summary of the answer — or the whole answer with `--full`. Everything from the store is
/// sanitised: questions, answers and labels came from outside.
enum HistoryLine {
    static let time: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .current
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter
    }()

    /// `conversation 12 · 3 turns`, above a thread's turns.
    static func threadHeading(id: Int64, turns: Int) -> String {
        "conversation \(id) · \(turns) turn\(turns == 1 ? "" : "s") (squint ask --conversation \(id) -p … continues it)\n"
    }

    static func render(_ answer: StoredAnswer, detections: [StoredDetection], full: Bool, indent: String = "") -> String {
        let images = ([answer.imagePath] + answer.otherImagePaths).map { ($0 as NSString).lastPathComponent }
        var heading = "\(time.string(from: answer.createdAt))  \(answer.task.rawValue)  \"\(one(answer.question, 80))\""
        heading += "  \(images.joined(separator: ", "))  \(answer.model)"
        if !answer.isComplete { heading += "  (incomplete: \(answer.error ?? "broke off"))" }
        var lines = [TerminalSanitizer.sanitize(heading)]
        if full {
            for line in answer.text.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append("  " + TerminalSanitizer.sanitize(String(line)))
            }
        } else {
            lines.append("  " + TerminalSanitizer.sanitize(summary(answer, detections: detections)))
        }
        return lines.map { indent + $0 }.joined(separator: "\n") + "\n"
    }

    /// `15 boxes: red sprinkles, pink frosting, … (2 accepted, 1 rejected)`, or the answer's first words.
    static func summary(_ answer: StoredAnswer, detections: [StoredDetection]) -> String {
        guard answer.task.isSpatial else {
            let text = answer.text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            return text.isEmpty ? "(no text)" : one(text, 100)
        }
        guard !detections.isEmpty else { return "nothing found" }
        let noun = switch answer.task {
        case .segment: detections.count == 1 ? "mask" : "masks"
        case .point: detections.count == 1 ? "point" : "points"
        default: detections.count == 1 ? "box" : "boxes"
        }
        var labels: [String] = []
        for item in detections where !labels.contains(item.effectiveLabel) { labels.append(item.effectiveLabel) }
        var text = "\(detections.count) \(noun): " + labels.prefix(3).joined(separator: ", ") + (labels.count > 3 ? ", …" : "")
        let accepted = detections.filter(\.review.isAccepted).count
        let rejected = detections.filter { $0.review == .rejected }.count
        let reviewed = [accepted > 0 ? "\(accepted) accepted" : nil, rejected > 0 ? "\(rejected) rejected" : nil].compactMap { $0 }
        if !reviewed.isEmpty { text += " (" + reviewed.joined(separator: ", ") + ")" }
        return text
    }

    /// The first `limit` characters on one line, with an ellipsis when cut.
    static func one(_ text: String, _ limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }
}
