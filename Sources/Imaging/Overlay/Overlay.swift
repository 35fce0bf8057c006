/// One thing to draw over a picture: a detection's box, point or mask, in its colour, with an optional label.
///
/// A value type SquintCore builds from detections; geometry is in unit coordinates of the upright image
/// (see `UnitRect`), so the same overlays draw on any size of that image.
public struct Overlay: Sendable, Equatable {
    public enum Shape: Sendable, Equatable {
        /// A box outline; the label goes in a tag on its top edge.
        case box(UnitRect)
        /// A filled dot with a contrasting ring; the label goes beside it.
        case point(UnitPoint)
        /// A segmentation mask stretched over `in` (a box-sized plane, or `UnitRect.full` for a whole-image
        /// plane); pixels at or above `Overlay.maskThreshold` are tinted.
        case mask(GrayImage, in: UnitRect)
    }

    /// Mask values at or above this count as inside (Gemini's masks are 0–255 probabilities; 127 is its cut).
    public static let maskThreshold: UInt8 = 127

    public var shape: Shape
    public var color: RGBA
    public var label: String?

    public init(_ shape: Shape, color: RGBA, label: String? = nil) {
        self.shape = shape
        self.color = color
        self.label = label
    }

    public static func box(_ rect: UnitRect, color: RGBA, label: String? = nil) -> Overlay {
        Overlay(.box(rect), color: color, label: label)
    }

    public static func point(_ point: UnitPoint, color: RGBA, label: String? = nil) -> Overlay {
        Overlay(.point(point), color: color, label: label)
    }

    public static func mask(_ mask: GrayImage, in rect: UnitRect, color: RGBA, label: String? = nil) -> Overlay {
        Overlay(.mask(mask, in: rect), color: color, label: label)
    }
}
