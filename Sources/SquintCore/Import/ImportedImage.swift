import Imaging

/// One image's boxes as a source file gives them, before they are checked against the image and stored.
public struct ImportedImage: Sendable, Equatable {
    /// Where the source says the image is: resolved against `--images` by the format's rule.
    public var path: String
    /// The size the source says the coordinates are in, when it says (COCO, VOC, JSONL); YOLO's are
    /// normalized and take the image's own size.
    public var declaredSize: PixelSize?
    public var boxes: [Box]
    /// Where in the source this image came from, for problem lines (`labels/img7.txt`, `gt.json image 12`).
    public var origin: String

    /// One box in pixels of the upright image, or (YOLO) normalized to 0–1 until the image's size is known.
    public struct Box: Sendable, Equatable {
        public var label: String
        public var x0: Double, y0: Double, x1: Double, y1: Double
        public var isNormalized: Bool
        public var score: Double?
        /// COCO's `iscrowd: 1`: a region of many objects, kept as such for evaluation.
        public var isCrowd: Bool

        public init(label: String, x0: Double, y0: Double, x1: Double, y1: Double, isNormalized: Bool = false, score: Double? = nil,
                    isCrowd: Bool = false) {
            self.label = label
            self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
            self.isNormalized = isNormalized
            self.score = score
            self.isCrowd = isCrowd
        }
    }

    public init(path: String, declaredSize: PixelSize?, boxes: [Box], origin: String) {
        self.path = path
        self.declaredSize = declaredSize
        self.boxes = boxes
        self.origin = origin
    }
}

/// What a source file held: its images, and one line per thing that could not be read.
public struct ParsedLabels: Sendable, Equatable {
    public var images: [ImportedImage] = []
    public var problems: [String] = []

    public init(images: [ImportedImage] = [], problems: [String] = []) {
        self.images = images
        self.problems = problems
    }
}
