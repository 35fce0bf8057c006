/// Colours laid out for a nearest-colour search eight at a time: per group of eight colours one SIMD8 of
/// reds, one of greens, one of blues, the last group padded with a far-away colour that never wins.
/// Shared by the palette's k-means (Float centres) and the pixel lookup (Int32 sixel colours).
struct ColourPlanes<Scalar: ColourPlaneScalar> {
    let groups: Int
    private var planes: [SIMD8<Scalar>]

    /// `count` colours, `colour(i)` giving the i-th as (R, G, B); `padding` fills the unused lanes.
    init(count: Int, padding: Scalar, colour: (Int) -> (Scalar, Scalar, Scalar)) {
        groups = max(1, (count + 7) / 8)
        planes = [SIMD8<Scalar>](repeating: SIMD8(repeating: padding), count: groups * 3)
        for index in 0..<count {
            let (r, g, b) = colour(index)
            planes[index / 8 * 3][index % 8] = r
            planes[index / 8 * 3 + 1][index % 8] = g
            planes[index / 8 * 3 + 2][index % 8] = b
        }
    }

    /// The index of the colour nearest to (r, g, b) by squared distance, the lowest index on ties, as a
    /// plain scan would pick.
    @inline(__always)
    func nearest(_ r: Scalar, _ g: Scalar, _ b: Scalar) -> Int {
        let red = SIMD8(repeating: r), green = SIMD8(repeating: g), blue = SIMD8(repeating: b)
        let lanes = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)
        var best = SIMD8<Scalar>(repeating: Scalar.farthest)
        var bestIndex = SIMD8<Int32>(repeating: 0)
        planes.withUnsafeBufferPointer { planes in
            for group in 0..<groups {
                let distance = Scalar.squaredDistances(planes[group * 3], planes[group * 3 + 1], planes[group * 3 + 2],
                                                       red, green, blue)
                let closer = distance .< best
                best.replace(with: distance, where: closer)
                bestIndex.replace(with: lanes &+ Int32(group * 8), where: closer)
            }
        }
        var found = Int(bestIndex[0]), smallest = best[0]
        for lane in 1..<8 where best[lane] < smallest || (best[lane] == smallest && Int(bestIndex[lane]) < found) {
            smallest = best[lane]
            found = Int(bestIndex[lane])
        }
        return found
    }
}

/// The colour channel types the planes hold, each with its own arithmetic.
protocol ColourPlaneScalar: SIMDScalar & Comparable where SIMDMaskScalar == Int32 {
    /// Larger than any real squared distance.
    static var farthest: Self { get }
    /// Eight squared RGB distances between the plane colours and a point.
    static func squaredDistances(_ reds: SIMD8<Self>, _ greens: SIMD8<Self>, _ blues: SIMD8<Self>,
                                 _ red: SIMD8<Self>, _ green: SIMD8<Self>, _ blue: SIMD8<Self>) -> SIMD8<Self>
}

extension Int32: ColourPlaneScalar {
    static var farthest: Int32 { .max }

    /// Channels are 0...255 and padding 4096, so the wrapping operators never wrap; they skip the checks.
    @inline(__always)
    static func squaredDistances(_ reds: SIMD8<Int32>, _ greens: SIMD8<Int32>, _ blues: SIMD8<Int32>,
                                 _ red: SIMD8<Int32>, _ green: SIMD8<Int32>, _ blue: SIMD8<Int32>) -> SIMD8<Int32> {
        let dr = reds &- red, dg = greens &- green, db = blues &- blue
        return dr &* dr &+ dg &* dg &+ db &* db
    }
}

extension Float: ColourPlaneScalar {
    static var farthest: Float { .greatestFiniteMagnitude }

    @inline(__always)
    static func squaredDistances(_ reds: SIMD8<Float>, _ greens: SIMD8<Float>, _ blues: SIMD8<Float>,
                                 _ red: SIMD8<Float>, _ green: SIMD8<Float>, _ blue: SIMD8<Float>) -> SIMD8<Float> {
        let dr = reds - red, dg = greens - green, db = blues - blue
        return dr * dr + dg * dg + db * db
    }
}
