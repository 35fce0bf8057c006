import SquintCore

/// A spatial answer as the answer pane sums it up once it has ended: how many of what, how many masks, the
/// review so far, and what the parser had to repair or drop — instead of the JSON the model wrote.
struct SpatialSummary: Sendable, Hashable {
    var task: AskTask
    /// Labels in the order the model first used them, with how many items carry each.
    var labels: [String]
    var counts: [Int]
    var total: Int
    /// Items that came with a usable mask (segmentation).
    var masks: Int
    var accepted = 0, rejected = 0, relabelled = 0, pending = 0
    /// The parser's and the pipeline's notes, as stored (labels verbatim: sanitised when drawn).
    var warnings: [String]
    /// Why an incomplete answer broke off.
    var incomplete: String?
    /// Size of the raw answer, for the hint that shows it.
    var textBytes: Int

    init(answer: StoredAnswer, detections: [StoredDetection]) {
        task = answer.task
        (labels, counts) = Self.tally(detections.map(\.detection.label))
        // The store's count is the truth when the detections were not loaded with the answer.
        total = detections.isEmpty ? answer.detectionCount : detections.count
        masks = detections.filter { $0.detection.mask != nil }.count
        for item in detections {
            switch item.review {
            case .accepted: accepted += 1
            case .rejected: rejected += 1
            case .relabelled: relabelled += 1
            case .pending: pending += 1
            }
        }
        warnings = answer.warnings
        incomplete = answer.isComplete ? nil : (answer.error ?? "the answer broke off")
        textBytes = answer.text.utf8.count
    }

    /// `["jar", "lid", "jar"]` → `(["jar", "lid"], [2, 1])`.
    static func tally(_ names: [String]) -> ([String], [Int]) {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for name in names {
            if counts[name] == nil { order.append(name) }
            counts[name, default: 0] += 1
        }
        return (order, order.map { counts[$0] ?? 0 })
    }

    /// `3 × jar, 2 × lid, rolling pin`.
    static func labelList(_ labels: [String], _ counts: [Int]) -> String {
        zip(labels, counts).map { $1 > 1 ? "\($1) × \($0)" : $0 }.joined(separator: ", ")
    }

    /// `1 object`, `15 objects`.
    static func objects(_ count: Int, _ task: AskTask) -> String {
        let noun = task == .point ? "point" : "object"
        return "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
