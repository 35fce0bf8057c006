/// One ground-truth box, with what COCOeval reads of it.
public struct EvaluationTruth: Sendable, Hashable {
    /// Index into the set's images (their order is the evaluation's image order).
    public var image: Int
    /// Index into the set's categories.
    public var category: Int
    public var box: EvaluationBox
    /// The annotation's `area` when the file gives one (COCO's is the mask's area, not the box's), else
    /// `width × height`. The area ranges (small, medium, large) test this, not the box.
    public var area: Double
    /// A crowd region: never a miss, and any number of detections inside it are ignored rather than wrong.
    public var isCrowd: Bool
    /// The annotation's id. pycocotools records a match as the matched truth's id and reads 0 as "no match",
    /// so a truth whose id is 0 can never yield a true positive; kept to give the same numbers.
    public var id: Int

    public init(image: Int, category: Int, box: EvaluationBox, area: Double? = nil, isCrowd: Bool = false, id: Int) {
        self.image = image
        self.category = category
        self.box = box
        self.area = area ?? box.area
        self.isCrowd = isCrowd
        self.id = id
    }
}
