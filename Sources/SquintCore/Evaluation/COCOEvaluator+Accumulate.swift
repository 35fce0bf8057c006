extension COCOEvaluator {
    /// pycocotools' `accumulate` for one category: for each `maxDets`, the kept detections in one stable
    /// best-first order; for each area range and threshold, cumulative true and false positives, precision
    /// made monotone from the right, read at the 101 recall thresholds with `searchsorted(side: left)`.
    static func accumulate(_ matches: CategoryMatches, precisionThreshold: Int) -> CategoryCurves {
        var curves = CategoryCurves()
        curves.truthCount = matches.truthCounts[0]
        curves.detectionCount = matches.count
        for index in 0..<matches.count {
            switch matches.outcome(index, area: 0, threshold: precisionThreshold) {
            case .truePositive: curves.truePositives += 1
            case .falsePositive: curves.falsePositives += 1
            case .ignored: break
            }
        }
        let recallThresholds = COCOParameters.recallThresholds
        var precision: [Double] = []
        var recall: [Double] = []
        for (maxIndex, maxDetections) in COCOParameters.maxDetections.enumerated() {
            var order = (0..<matches.count).filter { matches.ranks[$0] < maxDetections }
            order.sort { left, right in
                let a = matches.scores[left], b = matches.scores[right]
                return a > b || (a == b && left < right)
            }
            let count = order.count
            for area in 0..<CategoryCurves.areaCount {
                let truths = matches.truthCounts[area]
                if truths == 0 { continue }
                let truthTotal = Double(truths)
                for iou in 0..<CategoryCurves.iouCount {
                    precision.removeAll(keepingCapacity: true)
                    recall.removeAll(keepingCapacity: true)
                    var tp = 0.0, fp = 0.0
                    for detection in order {
                        switch matches.outcome(detection, area: area, threshold: iou) {
                        case .truePositive: tp += 1
                        case .falsePositive: fp += 1
                        case .ignored: break
                        }
                        recall.append(tp / truthTotal)
                        precision.append(tp / (fp + tp + COCOParameters.spacing))
                    }
                    curves.recall[CategoryCurves.recallIndex(area: area, maxDetections: maxIndex, iou: iou)] = count > 0 ? recall[count - 1] : 0
                    var index = count - 1
                    while index > 0 {
                        if precision[index] > precision[index - 1] { precision[index - 1] = precision[index] }
                        index -= 1
                    }
                    // Thresholds past the last recall reached stay 0 (pycocotools' IndexError, caught).
                    let start = CategoryCurves.precisionIndex(area: area, maxDetections: maxIndex, iou: iou, recall: 0)
                    var position = 0
                    for (recallIndex, threshold) in recallThresholds.enumerated() {
                        while position < count && recall[position] < threshold { position += 1 }
                        curves.precision[start + recallIndex] = position < count ? precision[position] : 0
                    }
                }
            }
        }
        return curves
    }
}
