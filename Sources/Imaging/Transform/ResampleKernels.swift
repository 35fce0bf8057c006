/// The resampler's inner loops, one output row at a time, over one axis's precomputed weights. Shared by
/// the whole-bitmap passes and by `RowStreamResampler`, which runs them while a JPEG is still decoding.
struct ResampleKernels {
    let taps: Int
    let starts: UnsafeBufferPointer<Int>
    let counts: UnsafeBufferPointer<Int>
    let weights: UnsafeBufferPointer<Int32>

    private static let shift = ResampleWeights.precisionBits
    private static let half: Int32 = 1 << (shift - 1)

    /// One row of RGBA pixels filtered along x into `out` (one pixel per entry of `starts`). An opaque
    /// image stays exactly opaque whatever the filter's ringing.
    @inline(__always)
    func horizontal(_ row: UnsafePointer<UInt8>, into out: UnsafeMutablePointer<UInt8>, opaque: Bool) {
        for ox in 0..<starts.count {
            // One pixel's four channels per tap as one SIMD multiply-add.
            var sum = SIMD4<Int32>(repeating: Self.half)
            var p = UnsafeRawPointer(row + starts[ox] * 4)
            let k = weights.baseAddress! + ox * taps
            for tap in 0..<counts[ox] {
                let pixel = SIMD4<Int32>(truncatingIfNeeded: p.loadUnaligned(as: SIMD4<UInt8>.self))
                sum &+= pixel &* k[tap]
                p += 4
            }
            let shifted = sum &>> Self.shift
            let o = out + ox * 4
            o[0] = clamp(shifted[0]); o[1] = clamp(shifted[1]); o[2] = clamp(shifted[2])
            o[3] = opaque ? 255 : clamp(shifted[3])
        }
    }

    /// Output row `index` along y from the rows of `source` (`rowLength` bytes each, contiguous). Every tap
    /// adds a whole source row into `accumulator` (`rowLength` entries), which the compiler vectorises and
    /// which reads memory sequentially.
    @inline(__always)
    func vertical(_ index: Int, source: UnsafePointer<UInt8>, rowLength: Int,
                  accumulator acc: UnsafeMutablePointer<Int32>, into out: UnsafeMutablePointer<UInt8>) {
        for i in 0..<rowLength { acc[i] = Self.half }
        let start = starts[index]
        for tap in 0..<counts[index] {
            let weight = weights[index * taps + tap]
            let row = source + (start + tap) * rowLength
            for i in 0..<rowLength { acc[i] &+= weight &* Int32(row[i]) }
        }
        for i in 0..<rowLength { out[i] = clamp(acc[i] >> Self.shift) }
    }
}

extension ResampleWeights {
    /// The weights as kernels over unsafe pointers, valid inside `body` only.
    func withKernels<T>(_ body: (ResampleKernels) throws -> T) rethrows -> T {
        try starts.withUnsafeBufferPointer { starts in
            try counts.withUnsafeBufferPointer { counts in
                try weights.withUnsafeBufferPointer { weights in
                    try body(ResampleKernels(taps: taps, starts: starts, counts: counts, weights: weights))
                }
            }
        }
    }
}

@inline(__always)
private func clamp(_ value: Int32) -> UInt8 {
    UInt8(truncatingIfNeeded: value < 0 ? 0 : (value > 255 ? 255 : value))
}
