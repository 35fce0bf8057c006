import Imaging

/// One thing the model located in an image, in pixels of the upright original.
///
/// The raw `box_2d` / point values (0–1000, relative to the image that was sent) are kept next to the pixel
/// geometry so exports and history can show exactly what the model said.
public struct Detection: Sendable, Equatable {
    /// What kind of geometry the model returned for this item.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case box, point, mask
    }

    public var label: String
    public var kind: Kind
    /// The box as x0, y0, x1, y1 in pixels of the upright original (x0 < x1, y0 < y1, inside the image).
    public var box: PixelBox?
    /// The model's own `box_2d`: `[ymin, xmin, ymax, xmax]` normalized to 0–1000.
    public var box2D: [Double]?
    /// The point in pixels of the upright original.
    public var point: PixelPoint?
    /// The model's own `point`: `[y, x]` normalized to 0–1000.
    public var rawPoint: [Double]?
    /// The segmentation mask, already resized, thresholded and placed in the box.
    public var mask: MaskPlane?
    /// The 0-based position of the item in the model's list (stable across dropped items).
    public var sourceIndex: Int
    /// A confidence from an imported set of predictions (COCO results' `score`); nil for Gemini's answers,
    /// which have none (evaluation ranks them by the model's order).
    public var score: Double?
    /// The polygons a Gemini 3 mask came as, in pixels of the upright original (`[x0, y0, x1, y1, …]` per ring,
    /// COCO's polygon form): exported as polygons; `mask` holds them filled.
    public var polygons: [[Double]]?
    /// A COCO crowd region from imported ground truth (`iscrowd: 1`): evaluation ignores detections inside it
    /// rather than counting them wrong, and never counts it missed.
    public var isCrowd = false

    public init(
        label: String, kind: Kind, box: PixelBox? = nil, box2D: [Double]? = nil,
        point: PixelPoint? = nil, rawPoint: [Double]? = nil, mask: MaskPlane? = nil, sourceIndex: Int, score: Double? = nil
    ) {
        self.score = score
        self.label = label
        self.kind = kind
        self.box = box
        self.box2D = box2D
        self.point = point
        self.rawPoint = rawPoint
        self.mask = mask
        self.sourceIndex = sourceIndex
    }
}
