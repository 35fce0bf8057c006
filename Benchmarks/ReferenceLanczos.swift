import Foundation
import Imaging

/// A textbook separable Lanczos-3 resize, used only as the benchmark's quality reference: slow and
/// exact, every source pixel under the kernel, no block pre-reduction.
enum ReferenceLanczos {
    static func resize(_ bitmap: Bitmap, to size: PixelSize) -> Bitmap {
        // Horizontal pass from the RGBA bytes into RGB floats, then vertical into bytes.
        let (xFirst, xWeights) = weights(source: bitmap.width, target: size.width)
        var rows = [Float](repeating: 0, count: size.width * bitmap.height * 3)
        bitmap.pixels.withUnsafeBufferPointer { pixels in
            for y in 0..<bitmap.height {
                for x in 0..<size.width {
                    var r = 0.0, g = 0.0, b = 0.0
                    for (offset, weight) in xWeights[x].enumerated() {
                        let index = (y * bitmap.width + xFirst[x] + offset) * 4
                        r += Double(pixels[index]) * weight
                        g += Double(pixels[index + 1]) * weight
                        b += Double(pixels[index + 2]) * weight
                    }
                    let out = (y * size.width + x) * 3
                    rows[out] = Float(r); rows[out + 1] = Float(g); rows[out + 2] = Float(b)
                }
            }
        }
        let (yFirst, yWeights) = weights(source: bitmap.height, target: size.height)
        var pixels = [UInt8](repeating: 255, count: size.width * size.height * 4)
        for y in 0..<size.height {
            for x in 0..<size.width {
                var sums = (0.0, 0.0, 0.0)
                for (offset, weight) in yWeights[y].enumerated() {
                    let index = ((yFirst[y] + offset) * size.width + x) * 3
                    sums.0 += Double(rows[index]) * weight
                    sums.1 += Double(rows[index + 1]) * weight
                    sums.2 += Double(rows[index + 2]) * weight
                }
                let out = (y * size.width + x) * 4
                pixels[out] = clamp(sums.0); pixels[out + 1] = clamp(sums.1); pixels[out + 2] = clamp(sums.2)
            }
        }
        return Bitmap(width: size.width, height: size.height, pixels: pixels)
    }

    private static func clamp(_ value: Double) -> UInt8 { UInt8(max(0, min(255, value.rounded()))) }

    private static func kernel(_ x: Double) -> Double {
        if x == 0 { return 1 }
        if abs(x) >= 3 { return 0 }
        let px = Double.pi * x
        return 3 * sin(px) * sin(px / 3) / (px * px)
    }

    /// For every output position: the first source sample and the normalised weights from there.
    private static func weights(source: Int, target: Int) -> ([Int], [[Double]]) {
        let scale = Double(source) / Double(target)
        let stretch = max(1, scale)
        var firsts: [Int] = [], all: [[Double]] = []
        for position in 0..<target {
            let centre = (Double(position) + 0.5) * scale
            let first = max(0, Int((centre - 3 * stretch).rounded(.down)))
            let last = min(source - 1, Int((centre + 3 * stretch).rounded(.up)))
            var weights = (first...last).map { kernel((Double($0) + 0.5 - centre) / stretch) }
            let total = weights.reduce(0, +)
            weights = weights.map { $0 / total }
            firsts.append(first)
            all.append(weights)
        }
        return (firsts, all)
    }
}
