extension COCOEvaluator {
    /// pycocotools' `computeIoU` and `evaluateImg` for one category over every image, line for line: the IoU
    /// matrix of an image is computed once and reused for the four area ranges and every threshold.
    static func match(category: Int, in set: EvaluationSet, grouping: EvaluationGrouping, thresholds: [Double]) -> CategoryMatches {
        let areas = COCOParameters.areaRanges
        let maxDetections = COCOParameters.maxDetections.last ?? 100
        let limits = thresholds.map(COCOParameters.matchingThreshold)
        let thresholdCount = thresholds.count
        var matches = CategoryMatches(thresholdCount: thresholdCount)
        var detections: [Int] = []
        var ious: [Double] = []
        var order: [Int] = []
        var ignored: [Bool] = []
        var taken: [Bool] = []
        grouping.forEachImage(category: category) { _, truths, found in
            // Best first; equal scores keep file order (numpy's mergesort on -score is stable).
            detections.removeAll(keepingCapacity: true)
            detections.append(contentsOf: found)
            detections.sort { left, right in
                let a = set.predictions[left].score, b = set.predictions[right].score
                return a > b || (a == b && left < right)
            }
            if detections.count > maxDetections { detections.removeLast(detections.count - maxDetections) }
            let truthIndices = Array(truths)
            let truthCount = truthIndices.count, detectionCount = detections.count

            ious.removeAll(keepingCapacity: true)
            for detection in detections {
                let box = set.predictions[detection].box
                for truth in truthIndices {
                    ious.append(iou(box, set.truths[truth].box, crowd: set.truths[truth].isCrowd))
                }
            }

            let base = matches.outcomes.count
            matches.outcomes.append(contentsOf: repeatElement(.ignored, count: detectionCount * areas.count * thresholdCount))
            for (rank, detection) in detections.enumerated() {
                matches.scores.append(set.predictions[detection].score)
                matches.ranks.append(rank)
            }
            for (areaIndex, range) in areas.enumerated() {
                // Truths outside the range (and crowds) are ignored and sorted last, stably.
                ignored.removeAll(keepingCapacity: true)
                order.removeAll(keepingCapacity: true)
                for (position, truth) in truthIndices.enumerated() {
                    let t = set.truths[truth]
                    let isIgnored = t.isCrowd || t.area < range.low || t.area > range.high
                    if !isIgnored { order.append(position) }
                }
                matches.truthCounts[areaIndex] += order.count
                for (position, truth) in truthIndices.enumerated() {
                    let t = set.truths[truth]
                    if t.isCrowd || t.area < range.low || t.area > range.high { order.append(position) }
                }
                for position in order {
                    let t = set.truths[truthIndices[position]]
                    ignored.append(t.isCrowd || t.area < range.low || t.area > range.high)
                }
                for thresholdIndex in 0..<thresholdCount {
                    taken.removeAll(keepingCapacity: true)
                    taken.append(contentsOf: repeatElement(false, count: truthCount))
                    for rank in 0..<detectionCount {
                        var best = limits[thresholdIndex]
                        var match = -1
                        let row = rank * truthCount
                        for sorted in 0..<truthCount {
                            let position = order[sorted]
                            let truth = set.truths[truthIndices[position]]
                            // Already matched and not a crowd: next.
                            if taken[sorted] && !truth.isCrowd { continue }
                            // Matched a real truth already; the rest are ignored ones: stop.
                            if match > -1 && !ignored[match] && ignored[sorted] { break }
                            let value = ious[row + position]
                            if value < best { continue }
                            best = value
                            match = sorted
                        }
                        let box = set.predictions[detections[rank]].box
                        let outside = box.area < range.low || box.area > range.high
                        var isIgnored = false
                        var matchedID = 0
                        if match > -1 {
                            isIgnored = ignored[match]
                            matchedID = set.truths[truthIndices[order[match]]].id
                            taken[match] = true
                        }
                        // pycocotools keeps the matched truth's id and reads 0 as unmatched (see EvaluationTruth.id).
                        if matchedID == 0 && outside { isIgnored = true }
                        let outcome: CategoryMatches.Outcome = isIgnored ? .ignored : (matchedID != 0 ? .truePositive : .falsePositive)
                        matches.outcomes[base + (rank * areas.count + areaIndex) * thresholdCount + thresholdIndex] = outcome
                    }
                }
            }
        }
        return matches
    }

    /// pycocotools' `bbIou` (maskApi.c), operation for operation: a crowd truth's IoU is the intersection over
    /// the detection's own area.
    @inline(__always)
    static func iou(_ detection: EvaluationBox, _ truth: EvaluationBox, crowd: Bool) -> Double {
        let width = min(detection.width + detection.x, truth.width + truth.x) - max(detection.x, truth.x)
        if width <= 0 { return 0 }
        let height = min(detection.height + detection.y, truth.height + truth.y) - max(detection.y, truth.y)
        if height <= 0 { return 0 }
        let intersection = width * height
        let detectionArea = detection.width * detection.height
        let union = crowd ? detectionArea : detectionArea + truth.width * truth.height - intersection
        return intersection / union
    }
}
