/// What `squint eval` reports: pycocotools' twelve summary numbers, per-class AP, and precision and recall at
/// one IoU threshold.
public struct EvaluationReport: Sendable, Hashable {
    /// COCOeval's `stats`, in its order: AP@[.5:.95], AP50, AP75, AP small, medium, large, AR with 1, 10 and
    /// 100 detections per image, AR small, medium, large. -1 where nothing defines one (no truth in that range).
    public var stats: [Double]
    /// In the evaluation set's category order.
    public var classes: [ClassEvaluation]
    /// The IoU at which `precision` and `recall` (overall and per class) are counted; 0.5 unless asked.
    public var iouThreshold: Double
    /// All classes pooled: ΣTP / Σ(TP + FP); -1 when no detection counted.
    public var precision: Double
    /// All classes pooled: ΣTP / Σ truth boxes; -1 when there is no truth.
    public var recall: Double
    public var imageCount: Int
    /// Truth boxes that count (crowd regions do not).
    public var truthCount: Int
    /// Predictions evaluated: at most the best 100 per image and category.
    public var predictionCount: Int

    public init(stats: [Double], classes: [ClassEvaluation], iouThreshold: Double, precision: Double, recall: Double,
                imageCount: Int, truthCount: Int, predictionCount: Int) {
        self.stats = stats
        self.classes = classes
        self.iouThreshold = iouThreshold
        self.precision = precision
        self.recall = recall
        self.imageCount = imageCount
        self.truthCount = truthCount
        self.predictionCount = predictionCount
    }

    /// AP averaged over IoU .50:.05:.95 and the classes that have truth: COCO's headline "mAP".
    public var map: Double { stats[0] }
    public var ap50: Double { stats[1] }
    public var ap75: Double { stats[2] }

    /// The names COCOeval's `summarize` prints for each of `stats`.
    public static let statNames = ["AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl"]
}
