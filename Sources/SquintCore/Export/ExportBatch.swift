/// What an export holds, grouped by image, and what the selection left out, for the one-line summary.
public struct ExportBatch: Sendable, Equatable {
    public var images: [ExportImage]
    public var accepted = 0
    public var unreviewed = 0
    public var rejectedKept = 0
    public var rejectedLeftOut = 0
    public var unreviewedLeftOut = 0

    public init(detections: [StoredDetection], selection: ExportSelection) {
        var kept: [StoredDetection] = []
        for detection in detections {
            let keep = selection.keeps(detection.review)
            switch (detection.review, keep) {
            case (.accepted, true), (.relabelled, true): accepted += 1
            case (.pending, true): unreviewed += 1
            case (.pending, false): unreviewedLeftOut += 1
            case (.rejected, true): rejectedKept += 1
            case (.rejected, false): rejectedLeftOut += 1
            default: break
            }
            if keep { kept.append(detection) }
        }
        images = ExportImage.group(kept)
    }

    public var detectionCount: Int { accepted + unreviewed + rejectedKept }

    /// `15 detections (2 accepted, 12 unreviewed; 1 rejected left out)`.
    public var summary: String {
        let count = detectionCount
        var parts = ["\(accepted) accepted", "\(unreviewed) unreviewed"]
        if rejectedKept > 0 { parts.append("\(rejectedKept) rejected") }
        var left: [String] = []
        if rejectedLeftOut > 0 { left.append("\(rejectedLeftOut) rejected") }
        if unreviewedLeftOut > 0 { left.append("\(unreviewedLeftOut) unreviewed") }
        let tail = left.isEmpty ? "" : "; " + left.joined(separator: ", ") + " left out"
        return "\(images.count) image\(images.count == 1 ? "" : "s"), \(count) detection\(count == 1 ? "" : "s") (\(parts.joined(separator: ", "))\(tail))"
    }
}
