/// One predicted box with its confidence.
public struct EvaluationPrediction: Sendable, Hashable {
    /// Index into the set's images.
    public var image: Int
    /// Index into the set's categories.
    public var category: Int
    public var box: EvaluationBox
    /// Higher ranks first; ties keep the order the predictions are listed in (pycocotools' stable sort).
    public var score: Double

    public init(image: Int, category: Int, box: EvaluationBox, score: Double) {
        self.image = image
        self.category = category
        self.box = box
        self.score = score
    }
}
