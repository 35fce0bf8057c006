/// One box of one side of an evaluation, before the two sides are joined.
public struct SourceBox: Sendable, Hashable {
    /// The `SourceImage.id` it is in (for a COCO results list, the truth file's image id).
    public var imageID: Int
    /// The `SourceCategory.id` it belongs to (for a COCO results list, the truth file's category id).
    public var categoryID: Int
    public var box: EvaluationBox
    /// COCO's `area` field, when given (truth only: results get `width × height`, as in pycocotools).
    public var area: Double?
    public var isCrowd: Bool
    public var score: Double?
    /// Its place among its image's boxes, in the order the source gave them: the rank when there are no scores.
    public var position: Int
    /// The annotation id (COCO), else the box's 1-based index.
    public var id: Int

    public init(imageID: Int, categoryID: Int, box: EvaluationBox, area: Double? = nil, isCrowd: Bool = false,
                score: Double? = nil, position: Int, id: Int) {
        self.imageID = imageID
        self.categoryID = categoryID
        self.box = box
        self.area = area
        self.isCrowd = isCrowd
        self.score = score
        self.position = position
        self.id = id
    }
}
