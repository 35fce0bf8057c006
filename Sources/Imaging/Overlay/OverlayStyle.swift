/// Line widths, text and marker sizes for overlays, derived from the bitmap so a 1200x800 preview and a
/// 6000x4000 export look alike rather than the export getting hairlines and unreadable text.
public struct OverlayStyle: Sendable, Hashable {
    public var lineWidth: Int
    /// Integer magnification of the 9x16 label font (1: 16 px glyphs).
    public var textScale: Int
    public var pointRadius: Int
    /// Opacity of mask tints (0...255).
    public var maskAlpha: UInt8
    /// Opacity of dimmed overlays (the ones not under review while one is).
    public var dimAlpha: UInt8

    public init(lineWidth: Int, textScale: Int, pointRadius: Int, maskAlpha: UInt8 = 115, dimAlpha: UInt8 = 150) {
        self.lineWidth = lineWidth
        self.textScale = textScale
        self.pointRadius = pointRadius
        self.maskAlpha = maskAlpha
        self.dimAlpha = dimAlpha
    }

    /// Scaled to `size`: lines max(2, short side / 250). Text follows `labelHeight` when the picture goes to a
    /// terminal (its cell height in the picture's pixels, so a tag is at least as tall as the terminal's text
    /// next to it); otherwise 16 px per 600 px of short side (at least 1x).
    public init(for size: PixelSize, labelHeight: Int? = nil) {
        let short = min(size.width, size.height)
        let scale = labelHeight.map { max(1, $0 / LabelFont.glyphHeight) } ?? max(1, short / 600)
        self.init(lineWidth: max(2, short / 250), textScale: scale, pointRadius: max(3, short / 100))
    }

    /// Lines of the selected overlay: about twice as thick, so it reads as "this one" at a glance.
    public var selectedLineWidth: Int { lineWidth * 2 + 1 }

    /// Blank space around a tag's text.
    public var tagPadding: Int { 2 * textScale }
}
