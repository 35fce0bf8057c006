/// One category's figures. -1 means "not defined": AP and recall for a category with no truth boxes (as in
/// pycocotools), precision for one with no counted detections.
public struct ClassEvaluation: Sendable, Hashable {
    public var name: String
    /// Truth boxes that count (crowd regions do not).
    public var truthCount: Int
    /// Predictions evaluated (at most the best 100 per image).
    public var predictionCount: Int
    /// AP averaged over IoU .50:.05:.95 (all areas, 100 detections per image): pycocotools' per-class mAP.
    public var ap: Double
    public var ap50: Double
    public var ap75: Double
    /// TP / (TP + FP) at the report's IoU threshold, all areas, 100 detections per image; detections matched
    /// to a crowd region count as neither.
    public var precision: Double
    /// TP / truth boxes at the report's IoU threshold (pycocotools' recall at that threshold, maxDets 100).
    public var recall: Double
    public var truePositives: Int
    public var falsePositives: Int

    public init(name: String, truthCount: Int, predictionCount: Int, ap: Double, ap50: Double, ap75: Double,
                precision: Double, recall: Double, truePositives: Int, falsePositives: Int) {
        self.name = name
        self.truthCount = truthCount
        self.predictionCount = predictionCount
        self.ap = ap
        self.ap50 = ap50
        self.ap75 = ap75
        self.precision = precision
        self.recall = recall
        self.truePositives = truePositives
        self.falsePositives = falsePositives
    }
}
