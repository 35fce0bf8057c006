/// Everything the evaluator reads, already joined: images and categories are indices, so the hot loops touch
/// only flat arrays.
///
/// Order matters where pycocotools' does: images in the order COCOeval sorts them (by id), and truths and
/// predictions in the order their files list them, because ties between equal scores and equal IoUs are broken
/// by that order.
public struct EvaluationSet: Sendable {
    public var imageCount: Int
    /// Category names; a category without truth boxes gets -1 for AP and recall, as in pycocotools.
    public var categories: [String]
    public var truths: [EvaluationTruth]
    public var predictions: [EvaluationPrediction]

    public init(imageCount: Int, categories: [String], truths: [EvaluationTruth], predictions: [EvaluationPrediction]) {
        self.imageCount = imageCount
        self.categories = categories
        self.truths = truths
        self.predictions = predictions
    }
}
