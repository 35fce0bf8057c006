extension Bitmap {
    /// This bitmap resampled to exactly `size` (aspect ratio is the caller's business; see `PixelSize.fitting(into:)`).
    ///
    /// Large reductions first average integer blocks (cheap, and exact area sampling), leaving at most a
    /// 2–4x reduction for the separable windowed filter — Pillow's "reducing gap" idea: the result is
    /// indistinguishable from a full-width Lanczos at a fraction of the taps. Transparent images are
    /// resampled premultiplied so invisible colours do not bleed into edges.
    /// An empty target gives an empty bitmap; an empty source gives a transparent one of the target size.
    public func resized(to size: PixelSize, filter: ResampleFilter = .lanczos3) -> Bitmap {
        if size.width <= 0 || size.height <= 0 {
            return Bitmap(width: max(0, size.width), height: max(0, size.height), fill: RGBA(0, 0, 0, 0))
        }
        if width == 0 || height == 0 { return Bitmap(width: size.width, height: size.height, fill: RGBA(0, 0, 0, 0)) }
        if size == self.size { return self }
        let hasAlpha = Self.hasTranslucency(pixels)
        var source = hasAlpha ? premultiplied() : self
        let (blockX, blockY) = Self.preReductionBlocks(from: self.size, to: size)
        if blockX > 1 || blockY > 1 {
            source = source.boxReduced(blockX: blockX, blockY: blockY)
        }
        if source.width != size.width {
            source = source.horizontalPass(ResampleWeights(source: source.width, destination: size.width, filter: filter),
                                           opaque: !hasAlpha)
        }
        if source.height != size.height {
            source = source.verticalPass(ResampleWeights(source: source.height, destination: size.height, filter: filter))
        }
        return hasAlpha ? source.unpremultiplied() : source
    }

    /// The integer blocks `resized(to:filter:)` averages first when shrinking `source` to `size`, leaving at
    /// most 2–4x for the filter: (1, 1), no pre-reduction, below 4x per axis.
    static func preReductionBlocks(from source: PixelSize, to size: PixelSize) -> (x: Int, y: Int) {
        (max(1, source.width / size.width / 2), max(1, source.height / size.height / 2))
    }

    /// Averages `blockX` x `blockY` blocks; edge blocks average the pixels they have.
    func boxReduced(blockX: Int, blockY: Int) -> Bitmap {
        let outWidth = (width + blockX - 1) / blockX
        let outHeight = (height + blockY - 1) / blockY
        let w = width, h = height
        var sums = [UInt32](repeating: 0, count: outWidth * 4)
        return pixels.withUnsafeBufferPointer { source in
            Bitmap(width: outWidth, height: outHeight) { destination in
                sums.withUnsafeMutableBufferPointer { sums in
                    for oy in 0..<outHeight {
                        let y0 = oy * blockY, y1 = min(y0 + blockY, h)
                        for index in 0..<sums.count { sums[index] = 0 }
                        for y in y0..<y1 {
                            let row = source.baseAddress! + y * w * 4
                            for ox in 0..<outWidth {
                                let x0 = ox * blockX, x1 = min(x0 + blockX, w)
                                var r: UInt32 = 0, g: UInt32 = 0, b: UInt32 = 0, a: UInt32 = 0
                                for x in x0..<x1 {
                                    let p = row + x * 4
                                    r &+= UInt32(p[0]); g &+= UInt32(p[1]); b &+= UInt32(p[2]); a &+= UInt32(p[3])
                                }
                                sums[ox * 4] &+= r; sums[ox * 4 + 1] &+= g; sums[ox * 4 + 2] &+= b; sums[ox * 4 + 3] &+= a
                            }
                        }
                        let out = destination.baseAddress! + oy * outWidth * 4
                        for ox in 0..<outWidth {
                            let x0 = ox * blockX
                            let count = UInt32((min(x0 + blockX, w) - x0) * (y1 - y0))
                            for channel in 0..<4 {
                                out[ox * 4 + channel] = UInt8((sums[ox * 4 + channel] + count / 2) / count)
                            }
                        }
                    }
                }
            }
        }
    }

    private func horizontalPass(_ table: ResampleWeights, opaque: Bool) -> Bitmap {
        let outWidth = table.starts.count
        let w = width, h = height
        return pixels.withUnsafeBufferPointer { source in
            table.withKernels { kernels in
                Bitmap(width: outWidth, height: h) { destination in
                    RowStrips(rows: h, work: outWidth * h * 4).forEach { _, rows in
                        for y in rows {
                            kernels.horizontal(source.baseAddress! + y * w * 4, into: destination.baseAddress! + y * outWidth * 4,
                                               opaque: opaque)
                        }
                    }
                }
            }
        }
    }

    /// Strips of output rows run on all cores.
    private func verticalPass(_ table: ResampleWeights) -> Bitmap {
        let outHeight = table.starts.count
        let rowLength = width * 4
        return pixels.withUnsafeBufferPointer { source in
            table.withKernels { kernels in
                Bitmap(width: width, height: outHeight) { destination in
                    RowStrips(rows: outHeight, work: outHeight * rowLength).forEach { _, rows in
                        let accumulator = UnsafeMutablePointer<Int32>.allocate(capacity: rowLength)
                        defer { accumulator.deallocate() }
                        for oy in rows {
                            kernels.vertical(oy, source: source.baseAddress!, rowLength: rowLength, accumulator: accumulator,
                                             into: destination.baseAddress! + oy * rowLength)
                        }
                    }
                }
            }
        }
    }

    static func hasTranslucency(_ pixels: [UInt8]) -> Bool {
        pixels.withUnsafeBufferPointer { buffer in
            var index = 3
            while index < buffer.count {
                if buffer[index] != 255 { return true }
                index += 4
            }
            return false
        }
    }

    func premultiplied() -> Bitmap {
        var copy = self
        copy.pixels.withUnsafeMutableBufferPointer { p in
            for index in stride(from: 0, to: p.count, by: 4) {
                let a = UInt32(p[index + 3])
                if a == 255 { continue }
                for channel in 0..<3 { p[index + channel] = UInt8((UInt32(p[index + channel]) * a + 127) / 255) }
            }
        }
        return copy
    }

    func unpremultiplied() -> Bitmap {
        var copy = self
        copy.pixels.withUnsafeMutableBufferPointer { p in
            for index in stride(from: 0, to: p.count, by: 4) {
                let a = UInt32(p[index + 3])
                if a == 255 { continue }
                if a == 0 { p[index] = 0; p[index + 1] = 0; p[index + 2] = 0; continue }
                for channel in 0..<3 { p[index + channel] = UInt8(min(255, (UInt32(p[index + channel]) * 255 + a / 2) / a)) }
            }
        }
        return copy
    }
}
