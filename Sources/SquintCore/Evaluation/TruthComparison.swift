/// One image's detections against a ground-truth set, as a labeller wants to see it: which truth boxes the
/// detections missed and which detections are false positives — a detection matches the unmatched truth box
/// of the same label (case ignored) it overlaps most, at IoU ≥ `iou` (COCO's AP50 rule, in the list's order).
/// Rejected detections are left out; edited boxes and new labels count as the person left them.
public struct TruthComparison: Sendable, Equatable {
    public var truthSet: String
    public var matched: Int
    /// Truth boxes no detection matched: label and box.
    public var missed: [(label: String, box: PixelBox)]
    /// Detections (their 1-based numbers in the list) that match no truth box.
    public var falsePositives: [(number: Int, label: String)]

    public init(truthSet: String, matched: Int, missed: [(label: String, box: PixelBox)], falsePositives: [(number: Int, label: String)]) {
        self.truthSet = truthSet
        self.matched = matched
        self.missed = missed
        self.falsePositives = falsePositives
    }

    public static func == (a: TruthComparison, b: TruthComparison) -> Bool {
        a.truthSet == b.truthSet && a.matched == b.matched && a.missed.map(\.label) == b.missed.map(\.label)
            && a.missed.map(\.box) == b.missed.map(\.box) && a.falsePositives.map(\.number) == b.falsePositives.map(\.number)
    }

    public static func compare(_ detections: [StoredDetection], truth: [StoredDetection], truthSet: String, iou threshold: Double = 0.5) -> TruthComparison {
        var taken = [Bool](repeating: false, count: truth.count)
        var comparison = TruthComparison(truthSet: truthSet, matched: 0, missed: [], falsePositives: [])
        for (index, detection) in detections.enumerated() where detection.review != .rejected {
            guard let box = detection.effectiveBox else { continue }
            let label = detection.effectiveLabel.lowercased()
            var best: (index: Int, iou: Double)?
            for (candidate, truthBox) in truth.enumerated() where !taken[candidate] && truthBox.effectiveLabel.lowercased() == label {
                guard let other = truthBox.effectiveBox else { continue }
                let overlap = ReviewCarryOver.iou(box, other)
                if overlap >= threshold, overlap > (best?.iou ?? 0) { best = (candidate, overlap) }
            }
            if let best {
                taken[best.index] = true
                comparison.matched += 1
            } else {
                comparison.falsePositives.append((index + 1, detection.effectiveLabel))
            }
        }
        for (index, truthBox) in truth.enumerated() where !taken[index] {
            if let box = truthBox.effectiveBox { comparison.missed.append((truthBox.effectiveLabel, box)) }
        }
        return comparison
    }

    /// The dialog's lines: a count line, then the misses and the false positives.
    public var lines: [String] {
        var lines = ["against \"\(truthSet)\": \(matched) matched, \(missed.count) missed, \(falsePositives.count) false positive\(falsePositives.count == 1 ? "" : "s")"]
        if !missed.isEmpty {
            lines.append("")
            lines.append("missed:")
            for miss in missed {
                lines.append("  \(miss.label) at \(Int(miss.box.x0.rounded())),\(Int(miss.box.y0.rounded())) – \(Int(miss.box.x1.rounded())),\(Int(miss.box.y1.rounded()))")
            }
        }
        if !falsePositives.isEmpty {
            lines.append("")
            lines.append("false positives:")
            for item in falsePositives { lines.append("  \(item.number) \(item.label)") }
        }
        return lines
    }
}
