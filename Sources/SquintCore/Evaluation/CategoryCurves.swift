/// One category's accumulated curves (pycocotools' `accumulate` for one `k`): precision at the 101 recall
/// thresholds and final recall, for every area range, `maxDets` and IoU threshold; -1 where the category has
/// no truth in that area range. Plus the counts behind precision and recall at the chosen IoU.
struct CategoryCurves: Sendable {
    static let areaCount = COCOParameters.areaRanges.count
    static let maxDetectionCount = COCOParameters.maxDetections.count
    static let iouCount = COCOParameters.iouThresholds.count
    static let recallCount = COCOParameters.recallThresholds.count

    /// `[area][maxDets][iou][recall threshold]`, flattened.
    var precision = [Double](repeating: -1, count: areaCount * maxDetectionCount * iouCount * recallCount)
    /// `[area][maxDets][iou]`, flattened.
    var recall = [Double](repeating: -1, count: areaCount * maxDetectionCount * iouCount)
    /// Truths that count (not crowds), all areas.
    var truthCount = 0
    /// Detections kept (at most 100 per image).
    var detectionCount = 0
    /// At the chosen IoU, all areas, 100 detections per image.
    var truePositives = 0
    var falsePositives = 0

    static func precisionIndex(area: Int, maxDetections: Int, iou: Int, recall: Int) -> Int {
        ((area * maxDetectionCount + maxDetections) * iouCount + iou) * recallCount + recall
    }

    static func recallIndex(area: Int, maxDetections: Int, iou: Int) -> Int {
        (area * maxDetectionCount + maxDetections) * iouCount + iou
    }

    /// The precision entries at one area range and `maxDets`: every IoU threshold, or one.
    func precisionValues(area: Int, maxDetections: Int, iou: Int? = nil) -> ArraySlice<Double> {
        if let iou {
            let start = Self.precisionIndex(area: area, maxDetections: maxDetections, iou: iou, recall: 0)
            return precision[start..<start + Self.recallCount]
        }
        let start = Self.precisionIndex(area: area, maxDetections: maxDetections, iou: 0, recall: 0)
        return precision[start..<start + Self.iouCount * Self.recallCount]
    }

    func recallValues(area: Int, maxDetections: Int) -> ArraySlice<Double> {
        let start = Self.recallIndex(area: area, maxDetections: maxDetections, iou: 0)
        return recall[start..<start + Self.iouCount]
    }
}
