/// A box as COCO writes it: top-left corner, width and height, in pixels.
///
/// Kept in this form (not as corners) because pycocotools computes IoU from exactly these four numbers:
/// converting to corners and back would change the last bits of `x + width`, and with them a match that sits
/// exactly on a threshold.
public struct EvaluationBox: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The box of a stored detection (corners) in COCO's form.
    public init(_ box: PixelBox) {
        self.init(x: box.x0, y: box.y0, width: box.x1 - box.x0, height: box.y1 - box.y0)
    }

    /// `width × height`, what pycocotools' `loadRes` gives every result as its `area`.
    public var area: Double { width * height }
}
