/// Pixel-level drawing primitives. Everything clips to the bitmap, so callers can pass boxes that stick out.
extension Bitmap {
    /// Paints `color` over one pixel with coverage `alpha` (0...255) on top of the colour's own alpha.
    ///
    /// out = (dst·(255−a) + src·a) / 255 with rounding; the result alpha is "over" composition.
    @inline(__always)
    mutating func blend(x: Int, y: Int, _ color: RGBA, alpha: UInt8) {
        let a = Int(alpha) * Int(color.a) / 255
        guard a > 0 else { return }
        let index = (y * width + x) * 4
        if a == 255 {
            pixels[index] = color.r; pixels[index + 1] = color.g; pixels[index + 2] = color.b; pixels[index + 3] = 255
            return
        }
        let inverse = 255 - a
        pixels[index] = UInt8((Int(pixels[index]) * inverse + Int(color.r) * a + 127) / 255)
        pixels[index + 1] = UInt8((Int(pixels[index + 1]) * inverse + Int(color.g) * a + 127) / 255)
        pixels[index + 2] = UInt8((Int(pixels[index + 2]) * inverse + Int(color.b) * a + 127) / 255)
        pixels[index + 3] = UInt8(a + (Int(pixels[index + 3]) * inverse + 127) / 255)
    }

    /// Fills a rectangle, blended with `alpha` (255: opaque paint).
    public mutating func fill(_ rect: PixelRect, color: RGBA, alpha: UInt8 = 255) {
        let clipped = rect.clipped(to: size)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { blend(x: x, y: y, color, alpha: alpha) }
        }
    }

    /// Outlines a rectangle with lines `lineWidth` thick drawn inside its edges, so the outer edge is `rect`.
    public mutating func stroke(_ rect: PixelRect, color: RGBA, lineWidth: Int, alpha: UInt8 = 255) {
        let line = max(1, min(lineWidth, (min(rect.width, rect.height) + 1) / 2))
        fill(PixelRect(x: rect.x, y: rect.y, width: rect.width, height: line), color: color, alpha: alpha)
        fill(PixelRect(x: rect.x, y: rect.maxY - line, width: rect.width, height: line), color: color, alpha: alpha)
        fill(PixelRect(x: rect.x, y: rect.y + line, width: line, height: rect.height - 2 * line), color: color, alpha: alpha)
        fill(PixelRect(x: rect.maxX - line, y: rect.y + line, width: line, height: rect.height - 2 * line), color: color, alpha: alpha)
    }

    /// A filled disc centred on pixel (`x`, `y`); the centre may lie outside the bitmap.
    public mutating func fillCircle(x centerX: Int, y centerY: Int, radius: Int, color: RGBA, alpha: UInt8 = 255) {
        guard radius >= 0, radius < 1 << 20 else { return }
        let r2 = radius * radius + radius  // a slightly fuller disc: small radii look round, not diamond
        let y0 = max(0, centerY - radius), y1 = min(height - 1, centerY + radius)
        let x0 = max(0, centerX - radius), x1 = min(width - 1, centerX + radius)
        guard y0 <= y1, x0 <= x1 else { return }
        for y in y0...y1 {
            let dy = y - centerY
            for x in x0...x1 {
                let dx = x - centerX
                if dx * dx + dy * dy <= r2 { blend(x: x, y: y, color, alpha: alpha) }
            }
        }
    }

    /// Draws `text` in the built-in 5x7 font, each font pixel `scale` x `scale` pixels, top-left at (`x`, `y`).
    /// Every character (grapheme) outside printable ASCII shows as one '?': "é" and "🇩🇪" alike.
    public mutating func draw(text: String, x originX: Int, y originY: Int, scale: Int, color: RGBA) {
        let scale = max(1, scale)
        var penX = originX
        for character in text {
            let rows = BitmapFont.rows(for: character)
            for (row, bits) in rows.enumerated() where bits != 0 {
                for column in 0..<BitmapFont.glyphWidth where bits & (0x10 >> UInt8(column)) != 0 {
                    fill(PixelRect(x: penX + column * scale, y: originY + row * scale, width: scale, height: scale), color: color)
                }
            }
            penX += BitmapFont.advance * scale
        }
    }

    /// Draws `text` in the 9x16 label font (`LabelFont`), each font pixel `scale` x `scale`, top-left at
    /// (`x`, `y`). Anything outside printable ASCII shows as '?', except "…".
    public mutating func draw(label text: String, x originX: Int, y originY: Int, scale: Int, color: RGBA) {
        let scale = max(1, scale)
        var penX = originX
        for character in text {
            for (row, bits) in LabelFont.rows(for: character).enumerated() where bits != 0 {
                for column in 0..<LabelFont.glyphWidth where bits & (1 << UInt16(column)) != 0 {
                    fill(PixelRect(x: penX + column * scale, y: originY + row * scale, width: scale, height: scale), color: color)
                }
            }
            penX += LabelFont.advance * scale
        }
    }

    /// The pixel size `text` takes in the label font at `scale`.
    public static func labelSize(_ text: String, scale: Int) -> PixelSize {
        PixelSize(width: text.count * LabelFont.advance * max(1, scale), height: text.isEmpty ? 0 : LabelFont.glyphHeight * max(1, scale))
    }

    /// The pixel size `text` takes at `scale` (no trailing blank column).
    public static func textSize(_ text: String, scale: Int) -> PixelSize {
        let count = text.count
        guard count > 0 else { return PixelSize(width: 0, height: 0) }
        return PixelSize(width: (count * BitmapFont.advance - 1) * scale, height: BitmapFont.glyphHeight * scale)
    }

    /// Tints the pixels of `rect` where `mask`, stretched over `rect`, is at least `threshold`.
    ///
    /// The mask is sampled bilinearly before thresholding (as Gemini's own tooling resizes its masks), so a
    /// 40x40 mask over a 400x400 box gets smooth edges instead of 10-pixel stair steps.
    public mutating func blend(mask: GrayImage, in rect: PixelRect, color: RGBA, alpha: UInt8, threshold: UInt8 = Overlay.maskThreshold) {
        guard mask.width > 0, mask.height > 0, rect.width > 0, rect.height > 0 else { return }
        let clipped = rect.clipped(to: size)
        guard !clipped.isEmpty else { return }
        /// For each output coordinate: the two mask samples around it and the weight (0...256) of the second.
        func taps(from start: Int, to end: Int, origin: Int, extent: Int, maskExtent: Int) -> [(Int, Int, Int)] {
            (start..<end).map { position in
                let source = (Double(position - origin) + 0.5) * Double(maskExtent) / Double(extent) - 0.5
                let clamped = min(max(source, 0), Double(maskExtent - 1))
                let low = Int(clamped)
                return (low, min(low + 1, maskExtent - 1), Int(((clamped - Double(low)) * 256).rounded()))
            }
        }
        let columns = taps(from: clipped.x, to: clipped.maxX, origin: rect.x, extent: rect.width, maskExtent: mask.width)
        let rows = taps(from: clipped.y, to: clipped.maxY, origin: rect.y, extent: rect.height, maskExtent: mask.height)
        let limit = Int(threshold) << 16
        for (rowIndex, (y0, y1, fy)) in rows.enumerated() {
            let top = y0 * mask.width, bottom = y1 * mask.width
            for (columnIndex, (x0, x1, fx)) in columns.enumerated() {
                let upper = Int(mask.pixels[top + x0]) * (256 - fx) + Int(mask.pixels[top + x1]) * fx
                let lower = Int(mask.pixels[bottom + x0]) * (256 - fx) + Int(mask.pixels[bottom + x1]) * fx
                if upper * (256 - fy) + lower * fy >= limit {
                    blend(x: clipped.x + columnIndex, y: clipped.y + rowIndex, color, alpha: alpha)
                }
            }
        }
    }
}
