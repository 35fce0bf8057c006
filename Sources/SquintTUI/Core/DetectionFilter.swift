import Foundation
import SquintCore

/// What the detection list shows: labels containing `label` (any case), and of a scored set (imported
/// predictions) those scoring at least `minimumScore`. Boxes without a score (a person's) always pass the
/// threshold. Hidden detections are neither listed nor drawn, and keep their numbers and colours.
public struct DetectionFilter: Sendable, Equatable {
    public var label = ""
    public var minimumScore = 0.0
    /// `+`/`-` move the threshold by this much.
    public static let step = 0.05

    public init(label: String = "", minimumScore: Double = 0) {
        self.label = label
        self.minimumScore = minimumScore
    }

    public var isActive: Bool { !label.isEmpty || minimumScore > 0 }

    public func admits(_ item: StoredDetection) -> Bool {
        if !label.isEmpty, item.effectiveLabel.range(of: label, options: [.caseInsensitive, .diacriticInsensitive]) == nil { return false }
        if minimumScore > 0, let score = item.detection.score, score < minimumScore - 1e-9 { return false }
        return true
    }

    /// The threshold one step up or down, kept in 0…1 and on the step's grid.
    public func threshold(raised: Bool) -> Double {
        let steps = (minimumScore / Self.step).rounded() + (raised ? 1 : -1)
        return min(1, max(0, steps * Self.step))
    }

    /// "label ~cup · score ≥ 0.35" for the list's title; empty when nothing is filtered.
    public func summary(unicode: Bool = true) -> String {
        var parts: [String] = []
        if !label.isEmpty { parts.append("~" + label) }
        if minimumScore > 0 { parts.append((unicode ? "≥" : ">=") + String(format: "%.2f", minimumScore)) }
        return parts.joined(separator: " ")
    }
}
