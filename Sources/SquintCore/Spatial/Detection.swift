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

    public init(
        label: String, kind: Kind, box: PixelBox? = nil, box2D: [Double]? = nil,
        point: PixelPoint? = nil, rawPoint: [Double]? = nil, mask: MaskPlane? = nil, sourceIndex: Int
    ) {
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

/// An axis-aligned rectangle in (fractional) pixels: x0, y0 top-left, x1, y1 bottom-right (exclusive).
public struct PixelBox: Sendable, Equatable, Codable {
    public var x0: Double, y0: Double, x1: Double, y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
    }

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public var area: Double { max(0, width) * max(0, height) }
    /// `[x0, y0, x1, y1]`, the order every Squint output uses.
    public var corners: [Double] { [x0, y0, x1, y1] }
}

/// A point in (fractional) pixels.
public struct PixelPoint: Sendable, Equatable, Codable {
    public var x: Double, y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}
