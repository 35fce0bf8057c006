import Foundation

extension Bitmap {
    /// Peak signal-to-noise ratio in dB over R, G and B against `other`, which must have the same size;
    /// 99 for identical pictures. What the tests and benchmarks use to say how close a sixel or a resample
    /// came to its reference (a higher figure is closer; around 30 dB a photo looks the same at a glance).
    public func psnr(against other: Bitmap) -> Double {
        precondition(size == other.size, "psnr of \(size) against \(other.size)")
        var sum = 0.0
        pixels.withUnsafeBufferPointer { a in
            other.pixels.withUnsafeBufferPointer { b in
                for index in stride(from: 0, to: a.count, by: 4) {
                    for channel in 0..<3 {
                        let d = Double(a[index + channel]) - Double(b[index + channel])
                        sum += d * d
                    }
                }
            }
        }
        let mse = sum / Double(max(1, width * height * 3))
        return mse == 0 ? 99 : 10 * log10(255 * 255 / mse)
    }
}
