import CWebP
import Foundation
import Testing
@testable import Imaging

/// PNG (eXIf) and WebP (EXIF chunk) carry EXIF orientation too; files built here from a 3x2 test card.
@Suite struct ContainerOrientationTests {
    /// r g b
    /// w k y
    static let card: Bitmap = {
        var bitmap = Bitmap(width: 3, height: 2)
        let colours = [RGBA(255, 0, 0), RGBA(0, 255, 0), RGBA(0, 0, 255), RGBA(255, 255, 255), RGBA(0, 0, 0), RGBA(255, 255, 0)]
        for (index, colour) in colours.enumerated() { bitmap[index % 3, index / 3] = colour }
        return bitmap
    }()

    /// A big-endian TIFF block whose IFD0 holds only Orientation = `value`.
    static func exif(_ value: UInt8, prefix: Bool = false) -> [UInt8] {
        let tiff: [UInt8] = [0x4D, 0x4D, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, value, 0, 0, 0, 0, 0, 0]
        return (prefix ? Array("Exif".utf8) + [0, 0] : []) + tiff
    }

    @Test(arguments: [6, 3, 5])
    func pngEXIfChunkIsHonoured(value: Int) throws {
        var png = [UInt8](try PNGEncoder.encode(Self.card))
        png.insert(contentsOf: PNGChunk.make("eXIf", Self.exif(UInt8(value))), at: 8 + 25)  // after IHDR
        let data = Data(png)
        let orientation = try #require(Orientation(rawValue: value))
        #expect(try ImageLoader.info(data: data, name: "card.png").orientation == orientation)
        #expect(try ImageLoader.decodeFull(data: data, name: "card.png") == Self.card.oriented(orientation))
    }

    @Test(arguments: [8, 2])
    func webpEXIFChunkIsHonoured(value: Int) throws {
        let data = try Self.extendedWebP(Self.card, exif: Self.exif(UInt8(value), prefix: value == 2))
        let orientation = try #require(Orientation(rawValue: value))
        #expect(try ImageLoader.info(data: data, name: "card.webp").orientation == orientation)
        #expect(try ImageLoader.decodeFull(data: data, name: "card.webp") == Self.card.oriented(orientation))
    }

    @Test func filesWithoutExifAreUpright() throws {
        let png = try PNGEncoder.encode(Self.card)
        #expect(try ImageLoader.info(data: png, name: "card.png").orientation == .up)
        #expect(try ImageLoader.info(data: Corpus.data("formats/coffee_lossy.webp"), name: "coffee.webp").orientation == .up)
    }

    /// A lossless WebP wrapped in a VP8X container with an EXIF chunk.
    static func extendedWebP(_ bitmap: Bitmap, exif: [UInt8]) throws -> Data {
        var output: UnsafeMutablePointer<UInt8>?
        let size = bitmap.pixels.withUnsafeBufferPointer {
            WebPEncodeLosslessRGBA($0.baseAddress, Int32(bitmap.width), Int32(bitmap.height), Int32(bitmap.width * 4), &output)
        }
        let encoded = try #require(output)
        defer { WebPFree(encoded) }
        let simple = Array(UnsafeBufferPointer(start: encoded, count: size))
        let bitstream = Array(simple[12...])  // the VP8L chunk, header and all
        func le(_ value: Int, bytes: Int) -> [UInt8] { (0..<bytes).map { UInt8((value >> (8 * $0)) & 0xFF) } }
        let vp8x = Array("VP8X".utf8) + le(10, bytes: 4) + [0x08, 0, 0, 0] + le(bitmap.width - 1, bytes: 3) + le(bitmap.height - 1, bytes: 3)
        var exifChunk = Array("EXIF".utf8) + le(exif.count, bytes: 4) + exif
        if exif.count % 2 == 1 { exifChunk.append(0) }
        let body = Array("WEBP".utf8) + vp8x + bitstream + exifChunk
        return Data(Array("RIFF".utf8) + le(body.count, bytes: 4) + body)
    }
}

/// PNG chunk framing with the CRC-32 libpng checks (a bad CRC on an ancillary chunk makes it skip the chunk).
enum PNGChunk {
    static func make(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + data
        return be(data.count) + typed + be(Int(crc32(typed)))
    }

    private static func be(_ value: Int) -> [UInt8] { (0..<4).reversed().map { UInt8((value >> (8 * $0)) & 0xFF) } }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
