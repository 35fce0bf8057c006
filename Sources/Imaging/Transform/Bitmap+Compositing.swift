extension Bitmap {
    /// The part of the bitmap inside `rect` (clipped to the bitmap; empty rectangles give a 0x0 bitmap).
    public func cropped(to rect: PixelRect) -> Bitmap {
        let clipped = rect.clipped(to: size)
        guard !clipped.isEmpty else { return Bitmap(width: 0, height: 0, pixels: []) }
        return pixels.withUnsafeBufferPointer { source in
            Bitmap(width: clipped.width, height: clipped.height) { destination in
                let rowBytes = clipped.width * 4
                for row in 0..<clipped.height {
                    let from = source.baseAddress! + ((clipped.y + row) * width + clipped.x) * 4
                    (destination.baseAddress! + row * rowBytes).update(from: from, count: rowBytes)
                }
            }
        }
    }

    /// Composites the bitmap over a solid background and makes it opaque — for outputs without alpha
    /// (sixel, Unicode cells, JPEG), where transparent pixels would otherwise show their hidden colour.
    public func flattened(over background: RGBA) -> Bitmap {
        guard Self.hasTranslucency(pixels) else { return self }
        var copy = self
        let br = Int(background.r), bg = Int(background.g), bb = Int(background.b)
        copy.pixels.withUnsafeMutableBufferPointer { p in
            for index in stride(from: 0, to: p.count, by: 4) {
                let a = Int(p[index + 3])
                if a == 255 { continue }
                let inverse = 255 - a
                p[index] = UInt8((Int(p[index]) * a + br * inverse + 127) / 255)
                p[index + 1] = UInt8((Int(p[index + 1]) * a + bg * inverse + 127) / 255)
                p[index + 2] = UInt8((Int(p[index + 2]) * a + bb * inverse + 127) / 255)
                p[index + 3] = 255
            }
        }
        return copy
    }
}
