import Foundation
import Imaging

/// Moves review decisions from an image's previous detection set to a new run's detections: a person who
/// accepted "cup" and runs detect again should not review the same cup twice.
enum ReviewCarryOver {
    struct Decision {
        var review: ReviewState
        var reviewedAt: Date?
    }

    /// For each new detection (by index), the decision it inherits. Greedy by best overlap; each previous
    /// decision moves at most once. Boxes match at IoU ≥ 0.5, points within 2% of the diagonal; labels must be equal.
    static func match(new: [Detection], previous decided: [StoredDetection], imageSize: PixelSize) -> [Int: Decision] {
        var candidates: [(score: Double, new: Int, old: Int)] = []
        let diagonal = (Double(imageSize.width * imageSize.width + imageSize.height * imageSize.height)).squareRoot()
        for (i, detection) in new.enumerated() {
            for (j, old) in decided.enumerated() where old.detection.label == detection.label {
                if let a = detection.box, let b = old.detection.box {
                    let overlap = iou(a, b)
                    if overlap >= 0.5 { candidates.append((overlap, i, j)) }
                } else if let a = detection.point, let b = old.detection.point, detection.box == nil, old.detection.box == nil {
                    let distance = ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
                    if diagonal > 0, distance <= 0.02 * diagonal { candidates.append((1 - distance / diagonal, i, j)) }
                }
            }
        }
        var result: [Int: Decision] = [:]
        var used = Set<Int>()
        for candidate in candidates.sorted(by: { $0.score > $1.score }) where result[candidate.new] == nil && !used.contains(candidate.old) {
            used.insert(candidate.old)
            result[candidate.new] = Decision(review: decided[candidate.old].review, reviewedAt: decided[candidate.old].reviewedAt)
        }
        return result
    }

    static func iou(_ a: PixelBox, _ b: PixelBox) -> Double {
        let width = max(0, min(a.x1, b.x1) - max(a.x0, b.x0)), height = max(0, min(a.y1, b.y1) - max(a.y0, b.y0))
        let intersection = width * height
        let union = a.area + b.area - intersection
        return union > 0 ? intersection / union : 0
    }
}
