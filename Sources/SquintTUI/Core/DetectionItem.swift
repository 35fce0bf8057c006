/// One detection as the TUI shows and reviews it. Coordinates are Gemini's: normalised 0…1000, y before x.
public struct DetectionItem: Sendable, Hashable {
    public enum Review: String, Sendable, Hashable { case pending, accepted, rejected }

    /// The store's identifier, used when writing review decisions.
    public var id: Int64
    public var label: String
    /// `[ymin, xmin, ymax, xmax]` in 0…1000, or nil for a point.
    public var box: [Int]?
    /// `[y, x]` in 0…1000 for a point detection.
    public var point: [Int]?
    /// A segmentation mask, alpha 0…255 stretched over `box`.
    public var mask: Mask?
    public var review: Review

    public init(id: Int64, label: String, box: [Int]? = nil, point: [Int]? = nil, mask: Mask? = nil, review: Review = .pending) {
        self.id = id
        self.label = label
        self.box = box
        self.point = point
        self.mask = mask
        self.review = review
    }

    /// A mask's coverage values, one byte per pixel, row-major.
    public struct Mask: Sendable, Hashable {
        public var width: Int
        public var height: Int
        public var alpha: [UInt8]
        public init(width: Int, height: Int, alpha: [UInt8]) {
            self.width = width
            self.height = height
            self.alpha = alpha
        }
    }
}
