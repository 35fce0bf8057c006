/// How far the review of a folder has got, over its images' current detection sets: the TUI's counter line
/// ("images 12/240 reviewed · boxes 31 ✓ 4 ✗ 3 edited") and `squint review --counts`.
public struct ReviewCounts: Sendable, Equatable {
    /// Images with at least one current detection.
    public var images = 0
    /// Of those, the ones with nothing left pending.
    public var imagesReviewed = 0
    /// Detections accepted, relabelled ones included.
    public var accepted = 0
    public var rejected = 0
    /// Accepted under a new label (also counted in `accepted`).
    public var relabelled = 0
    /// Boxes a person moved or resized.
    public var edited = 0
    /// Boxes a person drew (also counted in `accepted` while they stand).
    public var added = 0
    public var pending = 0

    public init() {}

    public var imagesToReview: Int { images - imagesReviewed }
    public var detections: Int { accepted + rejected + pending }
}
