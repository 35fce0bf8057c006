import Foundation
import Imaging
import TestCorpus

enum TestSupport {
    /// The corpus folder (see `TestCorpus`).
    static var corpus: URL { TestCorpus.root }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("squint-tg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A smooth, photo-like synthetic picture: gradients, a disc and some texture.
    static func syntheticPhoto(width: Int, height: Int) -> Bitmap {
        var bitmap = Bitmap(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let fx = Double(x) / Double(width), fy = Double(y) / Double(height)
                let dx = fx - 0.6, dy = fy - 0.4
                let disc = dx * dx + dy * dy < 0.05
                let texture = sin(Double(x) * 0.35) * sin(Double(y) * 0.21) * 18
                let r = disc ? 220 - fy * 80 : 40 + fx * 180 + texture
                let g = disc ? 90 + fx * 60 : 70 + fy * 120 - texture
                let b = disc ? 40 : 160 - fx * 100 + fy * 60
                bitmap[x, y] = RGBA(clamp(r), clamp(g), clamp(b))
            }
        }
        return bitmap
    }

    static func clamp(_ value: Double) -> UInt8 { UInt8(max(0, min(255, value.rounded()))) }

    /// PSNR in dB over R, G and B.
    static func psnr(_ a: Bitmap, _ b: Bitmap) -> Double { a.psnr(against: b) }

    /// Width and height from a PNG's IHDR.
    static func pngSize(_ data: Data) -> PixelSize? {
        let bytes = [UInt8](data)
        guard bytes.count >= 24, bytes[12..<16].elementsEqual("IHDR".utf8) else { return nil }
        func big(_ offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return PixelSize(width: big(16), height: big(20))
    }

    /// Runs a tool, returning its exit status.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
