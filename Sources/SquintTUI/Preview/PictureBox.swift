import Imaging

/// A rendered picture crossing from a render task to the loop, with what the preview needs to show it: the part
/// of the image shown (zoom) and the image's own upright size, for the title.
public struct PictureBox: Sendable {
    public var rendered: RenderedPicture
    /// The part of the image shown, in unit coordinates, for mapping outlines.
    public var viewport: UnitRect
    /// The original image's upright size (not the preview's).
    public var imageSize: PixelSize?
    /// Set when the picture is incomplete but shown (a truncated JPEG): the one-line note for the title.
    public var damage: String? = nil
}
