import Foundation
@testable import Imaging
import TestCorpus

/// The shared test images (see `TestCorpus`).
enum Corpus {
    static let root = TestCorpus.root

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    static func data(_ path: String) throws -> Data { try Data(contentsOf: url(path)) }

    static func decode(_ path: String, maxSize: PixelSize? = nil) throws -> Bitmap {
        try ImageLoader.decode(data: data(path), name: url(path).lastPathComponent, maxSize: maxSize)
    }
}

enum Metrics {
    /// Mean absolute difference over R, G, B (and A when `alpha`), in 0...255.
    static func meanAbsoluteDifference(_ a: Bitmap, _ b: Bitmap, alpha: Bool = false) -> Double {
        precondition(a.size == b.size, "\(a.size) vs \(b.size)")
        var total = 0
        let channels = alpha ? 4 : 3
        for pixel in 0..<(a.width * a.height) {
            for channel in 0..<channels {
                total += abs(Int(a.pixels[pixel * 4 + channel]) - Int(b.pixels[pixel * 4 + channel]))
            }
        }
        return Double(total) / Double(a.width * a.height * channels)
    }

    /// Rec. 601 luma of every pixel, as an RGB-gray bitmap (what a grayscale encoder stores).
    static func luma(_ bitmap: Bitmap) -> Bitmap {
        var out = bitmap
        for pixel in 0..<(bitmap.width * bitmap.height) {
            let r: Double = Double(bitmap.pixels[pixel * 4])
            let g: Double = Double(bitmap.pixels[pixel * 4 + 1])
            let b: Double = Double(bitmap.pixels[pixel * 4 + 2])
            let luma: Double = 0.299 * r + 0.587 * g + 0.114 * b
            let y = UInt8(min(255, luma.rounded()))
            out.pixels[pixel * 4] = y; out.pixels[pixel * 4 + 1] = y; out.pixels[pixel * 4 + 2] = y
        }
        return out
    }

    static func isGray(_ bitmap: Bitmap) -> Bool {
        for pixel in 0..<(bitmap.width * bitmap.height) {
            let r = bitmap.pixels[pixel * 4], g = bitmap.pixels[pixel * 4 + 1], b = bitmap.pixels[pixel * 4 + 2]
            if r != g || g != b { return false }
        }
        return true
    }

    static func alphaRange(_ bitmap: Bitmap) -> ClosedRange<UInt8> {
        var low: UInt8 = 255, high: UInt8 = 0
        for pixel in 0..<(bitmap.width * bitmap.height) {
            low = min(low, bitmap.pixels[pixel * 4 + 3]); high = max(high, bitmap.pixels[pixel * 4 + 3])
        }
        return low...high
    }

    /// Standard deviation of the R channel: 0 for a flat image, large for detail or aliasing.
    static func deviation(_ bitmap: Bitmap) -> Double {
        let values = (0..<(bitmap.width * bitmap.height)).map { Double(bitmap.pixels[$0 * 4]) }
        let mean = values.reduce(0, +) / Double(values.count)
        return (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
    }
}
