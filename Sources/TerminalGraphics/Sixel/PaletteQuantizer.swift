import Imaging

/// Picks up to 256 colours for an image: median cut over a 5-bit-per-channel histogram, refined by a
/// few rounds of k-means on the histogram's bins.
///
/// Median cut alone splits boxes by population and leaves colours off-centre; the k-means rounds move
/// every colour to the mean of what it stands for, which is what PSNR (and the eye) rewards. Working
/// on bins (a few thousand for a photo) instead of pixels keeps both steps cheap for any image size.
struct PaletteQuantizer {
    struct Bin {
        var r: Float, g: Float, b: Float, weight: Float
    }

    /// Histogram bins (mean colour and pixel count) of the opaque-flattened image. Strips of the image
    /// are counted on all cores, each into its own tables, which are then added up.
    static func histogram(_ pixels: UnsafeBufferPointer<UInt8>, pixelCount: Int, background: RGB) -> [Bin] {
        let binCount = 1 << 15
        // At most ~4 M samples keeps the UInt32 sums from overflowing and the pass short.
        let step = max(1, pixelCount / 4_000_000)
        let samples = (pixelCount + step - 1) / step
        let strips = RowStrips(rows: samples, work: pixelCount * 4)
        // Per strip: a count, then the sums of R, G and B, for every bin.
        let tables = UnsafeMutablePointer<UInt32>.allocate(capacity: strips.ranges.count * binCount * 4)
        defer { tables.deallocate() }
        tables.initialize(repeating: 0, count: strips.ranges.count * binCount * 4)
        strips.forEach { strip, range in
            let table = tables + strip * binCount * 4
            for sample in range {
                let (r, g, b) = SixelEncoder.flatten(pixels, sample &* step, background)
                let key = (Int(r >> 3) << 10 | Int(g >> 3) << 5 | Int(b >> 3)) &* 4
                table[key] &+= 1
                table[key &+ 1] &+= UInt32(r)
                table[key &+ 2] &+= UInt32(g)
                table[key &+ 3] &+= UInt32(b)
            }
        }
        var bins: [Bin] = []
        bins.reserveCapacity(8192)
        for key in 0..<binCount {
            var totals = SIMD4<UInt32>.zero
            for strip in 0..<strips.ranges.count {
                totals &+= UnsafeRawPointer(tables + (strip * binCount + key) * 4).loadUnaligned(as: SIMD4<UInt32>.self)
            }
            guard totals[0] > 0 else { continue }
            let count = Float(totals[0])
            bins.append(Bin(r: Float(totals[1]) / count, g: Float(totals[2]) / count, b: Float(totals[3]) / count, weight: count))
        }
        return bins
    }

    /// Up to `maxColors` colours for `bins`.
    static func palette(for bins: [Bin], maxColors: Int, refinements: Int = 4) -> [SIMD3<Float>] {
        guard !bins.isEmpty else { return [SIMD3(0, 0, 0)] }
        if bins.count <= maxColors { return bins.map { SIMD3($0.r, $0.g, $0.b) } }
        var centres = medianCut(bins, maxColors: maxColors)
        for _ in 0..<refinements {
            centres = kMeansStep(bins, centres: centres)
        }
        return centres
    }

    private struct Box {
        var start: Int, end: Int
        var error: Float
        var mean: SIMD3<Float>
        var splitChannel: Int
    }

    private static func describe(_ bins: UnsafeMutableBufferPointer<Bin>, _ start: Int, _ end: Int) -> Box {
        var weight: Float = 0
        var sum = SIMD3<Float>(0, 0, 0)
        var sumSquares = SIMD3<Float>(0, 0, 0)
        for index in start..<end {
            let bin = bins[index]
            let colour = SIMD3(bin.r, bin.g, bin.b)
            weight += bin.weight
            sum += colour * bin.weight
            sumSquares += colour * colour * bin.weight
        }
        let mean = sum / max(weight, 1)
        let variance = sumSquares - sum * mean
        var channel = 0
        if variance[1] > variance[channel] { channel = 1 }
        if variance[2] > variance[channel] { channel = 2 }
        let error = end - start > 1 ? variance.sum() : -1
        return Box(start: start, end: end, error: error, mean: mean, splitChannel: channel)
    }

    private static func medianCut(_ input: [Bin], maxColors: Int) -> [SIMD3<Float>] {
        var bins = input
        return bins.withUnsafeMutableBufferPointer { bins in
            var boxes = [describe(bins, 0, bins.count)]
            while boxes.count < maxColors {
                var chosen = -1
                var largest: Float = 0
                for (index, box) in boxes.enumerated() where box.error > largest {
                    largest = box.error
                    chosen = index
                }
                if chosen < 0 { break }
                let box = boxes[chosen]
                let channel = box.splitChannel
                var slice = UnsafeMutableBufferPointer(rebasing: bins[box.start..<box.end])
                switch channel {
                case 0: slice.sort { $0.r < $1.r }
                case 1: slice.sort { $0.g < $1.g }
                default: slice.sort { $0.b < $1.b }
                }
                var total: Float = 0
                for bin in slice { total += bin.weight }
                var running: Float = 0
                var split = box.start + 1
                for index in box.start..<(box.end - 1) {
                    running += bins[index].weight
                    split = index + 1
                    if running >= total / 2 { break }
                }
                boxes[chosen] = describe(bins, box.start, split)
                boxes.append(describe(bins, split, box.end))
            }
            return boxes.map(\.mean)
        }
    }

    /// One Lloyd step: every bin joins its nearest centre, every centre moves to its members' mean. The
    /// centres are searched eight at a time, the step's whole cost.
    private static func kMeansStep(_ bins: [Bin], centres: [SIMD3<Float>]) -> [SIMD3<Float>] {
        let planes = ColourPlanes<Float>(count: centres.count, padding: 1e9) { (centres[$0].x, centres[$0].y, centres[$0].z) }
        var sums = [SIMD4<Float>](repeating: .zero, count: centres.count)
        for bin in bins {
            let nearest = planes.nearest(bin.r, bin.g, bin.b)
            sums[nearest] += SIMD4(bin.r * bin.weight, bin.g * bin.weight, bin.b * bin.weight, bin.weight)
        }
        return centres.indices.map { index in
            let sum = sums[index]
            return sum.w > 0 ? SIMD3(sum.x, sum.y, sum.z) / sum.w : centres[index]
        }
    }
}
