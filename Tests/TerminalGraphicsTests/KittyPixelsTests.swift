import CZlib
import Foundation
import Imaging
import Testing
@testable import TerminalGraphics

/// kitty's compressed raw pixels: what kitty inflates must be the picture's rows, in the format the keys name.
@Suite struct KittyPixelsTests {
    private func inflate(_ data: [UInt8], expected: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: expected + 16)
        var length = uLongf(out.count)
        let status = uncompress(&out, &length, data, uLong(data.count))
        try #require(status == Z_OK)
        return Array(out[0..<Int(length)])
    }

    @Test func opaquePicturesTravelAsRGB() throws {
        // Over a megabyte (so it is split into one strip per core, joined into one stream) and taller than a band.
        let bitmap = TestSupport.syntheticPhoto(width: 700, height: 401)
        let (data, format) = try KittyPixels.compress(bitmap)
        #expect(format == 24)
        let rgb = try inflate(data, expected: bitmap.width * bitmap.height * 3)
        #expect(rgb.count == bitmap.width * bitmap.height * 3)
        var expected: [UInt8] = []
        expected.reserveCapacity(rgb.count)
        for pixel in stride(from: 0, to: bitmap.pixels.count, by: 4) { expected += bitmap.pixels[pixel..<(pixel + 3)] }
        #expect(rgb == expected)
        #expect(data.count < rgb.count)
    }

    @Test func stripsJoinIntoOneStreamWhateverTheSplit() throws {
        let bitmap = TestSupport.syntheticPhoto(width: 640, height: 480)
        var rgb: [UInt8] = []
        for pixel in stride(from: 0, to: bitmap.pixels.count, by: 4) { rgb += bitmap.pixels[pixel..<(pixel + 3)] }
        for strategy: Int32 in [0, KittyPixels.defaultStrategy] {
            let (data, _) = try KittyPixels.compress(bitmap, strategy: strategy)
            #expect(try inflate(data, expected: rgb.count) == rgb)
        }
    }

    @Test func transparencyKeepsAlpha() throws {
        var bitmap = TestSupport.syntheticPhoto(width: 40, height: 30)
        bitmap.pixels[4 * 17 + 3] = 128
        let (data, format) = try KittyPixels.compress(bitmap)
        #expect(format == 32)
        #expect(try inflate(data, expected: bitmap.pixels.count) == bitmap.pixels)
    }

    @Test func theRendererSendsCompressedPixelsWithTheirKeys() throws {
        let bitmap = TestSupport.syntheticPhoto(width: 64, height: 48)
        let output = try KittyRenderer(imageID: 5).render(bitmap, area: CellSize(columns: 10, rows: 10), cellSize: PixelSize(width: 8, height: 16))
        let text = String(decoding: output.bytes, as: UTF8.self)
        let first = try #require(text.split(separator: ";", maxSplits: 1).first)
        let keys = Set(first.dropFirst(3).split(separator: ",").map(String.init))
        for key in ["a=T", "q=2", "i=5", "f=24", "o=z", "s=64", "v=48", "c=8", "r=3"] { #expect(keys.contains(key), "missing \(key)") }
        // Every chunk's base64 together is the zlib stream of the rows.
        var base64 = ""
        for sequence in text.components(separatedBy: "\u{1B}\\") where !sequence.isEmpty {
            base64 += sequence.split(separator: ";", maxSplits: 1).last.map(String.init) ?? ""
        }
        let stream = try #require(Data(base64Encoded: base64))
        #expect(try inflate([UInt8](stream), expected: 64 * 48 * 3).count == 64 * 48 * 3)
    }
}
