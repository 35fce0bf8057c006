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

    /// How an overlay stands against the others: under review, one of the rest while something is, or neither.
    public enum Emphasis: Sendable, Equatable {
        case normal
        /// The one under review: drawn last (on top), with thicker lines and a framed tag.
        case selected
        /// Not the one under review while one is: thinner and faded so the selected one stands out.
        case dimmed
    }

    public var shape: Shape
    public var color: RGBA
    public var label: String?
    /// A short mark (the detection's number in the list) shown before the label, and alone when the label does
    /// not fit, so a box can be found from its list row and back without relying on colour.
    public var badge: String?
    public var emphasis: Emphasis
    /// A contrasting rim around lines and tags. The monochrome scheme draws white boxes rimmed in black, which
    /// show on light and dark photos alike.
    public var edge: RGBA?

    public init(_ shape: Shape, color: RGBA, label: String? = nil, badge: String? = nil,
                emphasis: Emphasis = .normal, edge: RGBA? = nil) {
        self.shape = shape
        self.color = color
        self.label = label
        self.badge = badge
        self.emphasis = emphasis
        self.edge = edge
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
