/// One side of an evaluation as read from its source, before it is joined with the other side.
public struct SourceBoxes: Sendable {
    public enum Kind: Sendable, Hashable {
        /// A COCO dataset file: images, categories, annotations.
        case dataset
        /// A COCO results list: ids that mean something only against a COCO truth file.
        case resultsList
        /// A label set or Gemini's answers in the store: images are absolute paths, categories labels.
        case stored
    }

    public var source: EvaluationSource
    public var kind: Kind
    /// The images it covers, every one even without boxes (for a stored set, those with an answer); empty for
    /// a results list, which covers every truth image.
    public var images: [SourceImage]
    public var categories: [SourceCategory]
    public var boxes: [SourceBox]

    public init(source: EvaluationSource, kind: Kind, images: [SourceImage], categories: [SourceCategory], boxes: [SourceBox]) {
        self.source = source
        self.kind = kind
        self.images = images
        self.categories = categories
        self.boxes = boxes
    }

    /// True when some box has no score: then every box is ranked by its place in its image's list (Gemini's
    /// answers have no scores; the model's order is the only ranking it gives).
    public var isRankedByOrder: Bool { boxes.contains { $0.score == nil } }
}
