extension Bitmap {
    /// The bitmap with `overlays` drawn for a terminal that shows it at `displaySize` pixels, with tags at least
    /// `labelHeight` display pixels tall (the terminal's cell height, so tags read like the text beside them).
    ///
    /// A bitmap smaller than its display size (a zoomed crop of a small image) is enlarged first, so lines and
    /// tags are drawn at the size they are seen instead of being magnified with the picture and covering what
    /// was zoomed into.
    public func annotated(_ overlays: [Overlay], displaySize: PixelSize, labelHeight: Int) -> Bitmap {
        guard width > 0, height > 0, !overlays.isEmpty else { return self }
        var picture = self
        let scale = min(Double(displaySize.width) / Double(width), Double(displaySize.height) / Double(height))
        if scale.isFinite, scale > 1.01 {
            picture = resized(to: PixelSize(width: max(1, Int((Double(width) * scale).rounded())),
                                            height: max(1, Int((Double(height) * scale).rounded()))), filter: .catmullRom)
        }
        // Bitmap pixels per display pixel (1 after enlarging; above 1 when the renderer will shrink it).
        let shown = min(Double(displaySize.width) / Double(picture.width), Double(displaySize.height) / Double(picture.height))
        let perDisplayPixel = shown.isFinite && shown > 0 ? max(1, 1 / shown) : 1
        let style = OverlayStyle(for: picture.size, labelHeight: Int(Double(labelHeight) * perDisplayPixel))
        picture.draw(overlays, style: style)
        return picture
    }
}
