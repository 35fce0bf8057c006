extension Bitmap {
    /// Draws overlays in layers — masks, then outlines and points, then every label tag — so a tag is never
    /// hidden under a later box.
    public mutating func draw(_ overlays: [Overlay], style: OverlayStyle? = nil) {
        guard width > 0, height > 0 else { return }
        let style = style ?? OverlayStyle(for: size)
        for overlay in overlays {
            if case let .mask(mask, rect) = overlay.shape {
                blend(mask: mask, in: rect.pixelRect(in: size), color: overlay.color, alpha: style.maskAlpha)
            }
        }
        for overlay in overlays {
            switch overlay.shape {
            case let .box(rect):
                stroke(rect.pixelRect(in: size), color: overlay.color, lineWidth: style.lineWidth)
            case let .point(point):
                let (x, y) = point.pixel(in: size)
                fillCircle(x: x, y: y, radius: style.pointRadius + max(1, style.pointRadius / 3), color: OverlayPalette.textColor(on: overlay.color))
                fillCircle(x: x, y: y, radius: style.pointRadius, color: overlay.color)
            case .mask:
                break
            }
        }
        for overlay in overlays {
            guard let label = overlay.label, !label.isEmpty else { continue }
            drawTag(label, for: overlay, style: style)
        }
    }

    /// A filled tag in the overlay's colour with the label in black or white, whichever contrasts more.
    /// Boxes and masks get it on their top-left corner (above the edge when there is room, else inside);
    /// points get it to their upper right. Labels longer than the image is wide are cut with "...".
    private mutating func drawTag(_ label: String, for overlay: Overlay, style: OverlayStyle) {
        let scale = style.textScale
        let padding = scale
        let maxCharacters = max(1, (width - 2 * padding + scale) / (BitmapFont.advance * scale))
        var text = label
        if text.count > maxCharacters {
            text = String(text.prefix(max(0, maxCharacters - 3))) + "..."
        }
        let textSize = Self.textSize(text, scale: scale)
        let tagSize = PixelSize(width: textSize.width + 2 * padding, height: textSize.height + 2 * padding)
        var origin: (x: Int, y: Int)
        switch overlay.shape {
        case let .box(rect), let .mask(_, rect):
            let pixels = rect.pixelRect(in: size)
            origin = (pixels.x, pixels.y - tagSize.height >= 0 ? pixels.y - tagSize.height : pixels.y)
        case let .point(point):
            let (x, y) = point.pixel(in: size)
            let offset = style.pointRadius + 2
            origin = (x + offset, y - offset - tagSize.height)
            if origin.y < 0 { origin.y = y + offset }
        }
        origin.x = min(max(0, origin.x), max(0, width - tagSize.width))
        origin.y = min(max(0, origin.y), max(0, height - tagSize.height))
        fill(PixelRect(x: origin.x, y: origin.y, width: tagSize.width, height: tagSize.height), color: overlay.color)
        draw(text: text, x: origin.x + padding, y: origin.y + padding, scale: scale, color: OverlayPalette.textColor(on: overlay.color))
    }
}
