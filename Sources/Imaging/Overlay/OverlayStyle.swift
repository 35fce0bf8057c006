/// Line widths, text and marker sizes for overlays, derived from the bitmap so a 1200x800 preview and a
/// 6000x4000 export look alike rather than the export getting hairlines and unreadable 7-pixel text.
public struct OverlayStyle: Sendable, Hashable {
    public var lineWidth: Int
    public var textScale: Int
    public var pointRadius: Int
    /// Opacity of mask tints (0...255).
    public var maskAlpha: UInt8

    public init(lineWidth: Int, textScale: Int, pointRadius: Int, maskAlpha: UInt8 = 115) {
        self.lineWidth = lineWidth
        self.textScale = textScale
        self.pointRadius = pointRadius
        self.maskAlpha = maskAlpha
    }

    /// Scaled to `size`: lines max(2, short side / 250), text 7 px per 400 px of short side (at least 1x).
    public init(for size: PixelSize) {
        let short = min(size.width, size.height)
        self.init(lineWidth: max(2, short / 250), textScale: max(1, short / 400), pointRadius: max(3, short / 100))
    }
}
