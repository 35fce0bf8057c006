extension Bitmap {
    /// The stored pixels turned upright according to an EXIF orientation (see `Orientation`).
    ///
    /// Works on whole 32-bit pixels; for orientations 5–8 the result has width and height swapped.
    public func oriented(_ orientation: Orientation) -> Bitmap {
        if orientation == .up { return self }
        let w = width, h = height
        let out = orientation.uprightSize(of: size)
        let outWidth = out.width
        return pixels.withUnsafeBytes { raw in
            let source = raw.bindMemory(to: UInt32.self)
            return Bitmap(width: out.width, height: out.height) { buffer in
                let destination = UnsafeMutableRawBufferPointer(buffer).bindMemory(to: UInt32.self)
                for dy in 0..<out.height {
                    let row = dy * outWidth
                    switch orientation {
                    case .up:
                        for dx in 0..<outWidth { destination[row + dx] = source[dy * w + dx] }
                    case .upMirrored:
                        for dx in 0..<outWidth { destination[row + dx] = source[dy * w + (w - 1 - dx)] }
                    case .down:
                        for dx in 0..<outWidth { destination[row + dx] = source[(h - 1 - dy) * w + (w - 1 - dx)] }
                    case .downMirrored:
                        for dx in 0..<outWidth { destination[row + dx] = source[(h - 1 - dy) * w + dx] }
                    case .leftMirrored:  // transpose
                        for dx in 0..<outWidth { destination[row + dx] = source[dx * w + dy] }
                    case .right:  // rotate 90° clockwise
                        for dx in 0..<outWidth { destination[row + dx] = source[(h - 1 - dx) * w + dy] }
                    case .rightMirrored:  // transverse
                        for dx in 0..<outWidth { destination[row + dx] = source[(h - 1 - dx) * w + (w - 1 - dy)] }
                    case .left:  // rotate 90° counter-clockwise
                        for dx in 0..<outWidth { destination[row + dx] = source[dx * w + (w - 1 - dy)] }
                    }
                }
            }
        }
    }
}
