/// One category's detections after matching (pycocotools' `evaluateImg` for every image, flattened): what the
/// accumulation step needs and nothing else.
///
/// Detections are listed image by image (the evaluation's image order), each image's best-first and cut to 100
/// — the order in which `accumulate` concatenates them before its stable sort.
struct CategoryMatches: Sendable {
    /// How each detection counts at one area range and IoU threshold.
    enum Outcome: UInt8 {
        /// Matched a crowd or out-of-range truth, or unmatched and itself out of range: counts for nothing.
        case ignored = 0
        case truePositive = 1
        case falsePositive = 2
    }

    let thresholdCount: Int
    var scores: [Double] = []
    /// A detection's place in its image's best-first list: `maxDets` keeps those below it.
    var ranks: [Int] = []
    /// `[detection][area range][threshold]`, flattened.
    var outcomes: [Outcome] = []
    /// Per area range: the truths that are not ignored (pycocotools' `npig`).
    var truthCounts = [Int](repeating: 0, count: COCOParameters.areaRanges.count)

    init(thresholdCount: Int) {
        self.thresholdCount = thresholdCount
    }

    var count: Int { scores.count }

    func outcome(_ detection: Int, area: Int, threshold: Int) -> Outcome {
        outcomes[(detection * COCOParameters.areaRanges.count + area) * thresholdCount + threshold]
    }
}
