import Foundation
import Imaging

/// PIL-compatible bilinear resize of an 8-bit plane.
///
/// Why a copy of PIL's algorithm rather than any bilinear: the reference code for Gemini masks (the Gemini
/// cookbook) resizes each 256×256 mask to its box with `Image.resize(size, BILINEAR)`, and PIL's BILINEAR is a
/// separable triangle filter whose support grows with the downscale factor (antialiased). Thresholding at 127
/// makes edge pixels sensitive to the exact weights, so this follows `libImaging/Resample.c`: per output pixel a
/// window `[center ± support]` rounded, triangle weights normalized to 1, converted to 22-bit fixed point,
/// horizontal pass then vertical pass, each rounded and clipped to 0…255. That is byte for byte what Pillow up to
/// 12.x computes (the versions the cookbook's reference masks were made with); Pillow 13 runs the vertical pass
/// first when the height shrinks much more than the width, which moves some values by one grey level.
extension GrayImage {
    public func resizedBilinearLikePIL(width outWidth: Int, height outHeight: Int) -> GrayImage {
        precondition(outWidth > 0 && outHeight > 0, "resize to an empty size")
        if outWidth == width && outHeight == height { return self }
        var current = self
        if outWidth != width {
            let coefficients = PILCoefficients(inSize: width, outSize: outWidth)
            var output = [UInt8](repeating: 0, count: outWidth * height)
            current.pixels.withUnsafeBufferPointer { input in
                for row in 0..<height {
                    let base = row * width
                    for column in 0..<outWidth {
                        let (start, count) = coefficients.bounds[column]
                        var sum = PILCoefficients.half
                        for tap in 0..<count {
                            sum += Int64(input[base + start + tap]) * coefficients.weights[column * coefficients.kernelSize + tap]
                        }
                        output[row * outWidth + column] = PILCoefficients.clip8(sum)
                    }
                }
            }
            current = GrayImage(width: outWidth, height: height, pixels: output)
        }
        if outHeight != height {
            let coefficients = PILCoefficients(inSize: height, outSize: outHeight)
            var output = [UInt8](repeating: 0, count: outWidth * outHeight)
            current.pixels.withUnsafeBufferPointer { input in
                for row in 0..<outHeight {
                    let (start, count) = coefficients.bounds[row]
                    for column in 0..<outWidth {
                        var sum = PILCoefficients.half
                        for tap in 0..<count {
                            sum += Int64(input[(start + tap) * outWidth + column]) * coefficients.weights[row * coefficients.kernelSize + tap]
                        }
                        output[row * outWidth + column] = PILCoefficients.clip8(sum)
                    }
                }
            }
            current = GrayImage(width: outWidth, height: outHeight, pixels: output)
        }
        return current
    }
}

/// `precompute_coeffs` + `normalize_coeffs_8bpc` from PIL's Resample.c, for the bilinear (triangle, support 1) filter.
struct PILCoefficients {
    static let precisionBits = 32 - 8 - 2
    static let half = Int64(1) << (precisionBits - 1)

    let kernelSize: Int
    /// Per output pixel: first input index and number of taps.
    var bounds: [(Int, Int)]
    /// `outSize * kernelSize` fixed-point weights.
    var weights: [Int64]

    init(inSize: Int, outSize: Int) {
        let scale = Double(inSize) / Double(outSize)
        let filterScale = max(scale, 1.0)
        let support = 1.0 * filterScale
        kernelSize = Int(support.rounded(.up)) * 2 + 1
        bounds = []
        bounds.reserveCapacity(outSize)
        weights = [Int64](repeating: 0, count: outSize * kernelSize)
        let inverse = 1.0 / filterScale
        var taps = [Double](repeating: 0, count: kernelSize)
        for output in 0..<outSize {
            let center = (Double(output) + 0.5) * scale
            // C's `(int)(x + 0.5)` truncates toward zero.
            let xmin = max(Int(center - support + 0.5), 0)
            let xmax = min(Int(center + support + 0.5), inSize) - xmin
            var total = 0.0
            for tap in 0..<max(xmax, 0) {
                let weight = Self.triangle((Double(tap + xmin) - center + 0.5) * inverse)
                taps[tap] = weight
                total += weight
            }
            for tap in 0..<max(xmax, 0) {
                let normalized = total != 0 ? taps[tap] / total : taps[tap]
                let scaled = normalized * Double(1 << Self.precisionBits)
                weights[output * kernelSize + tap] = Int64(normalized < 0 ? -0.5 + scaled : 0.5 + scaled)
            }
            bounds.append((xmin, max(xmax, 0)))
        }
    }

    static func triangle(_ x: Double) -> Double {
        let magnitude = abs(x)
        return magnitude < 1 ? 1 - magnitude : 0
    }

    static func clip8(_ value: Int64) -> UInt8 {
        if value >= Int64(1) << (precisionBits + 8) { return 255 }
        if value <= 0 { return 0 }
        return UInt8(value >> precisionBits)
    }
}
