import Foundation
import Testing
@testable import Imaging

/// BMP and GIF against Pillow's decode of the same files (Fixtures/make_bmp_gif.py wrote both; Pillow is not
/// needed to run the tests).
@Suite struct BMPGIFOracleTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let size = PixelSize(width: 37, height: 23)

    static let bmpFiles = [
        "bmp_1bit", "bmp_4bit", "bmp_8bit_gray", "bmp_8bit_palette", "bmp_8bit_short_palette", "bmp_8bit_os2",
        "bmp_24bit", "bmp_24bit_topdown", "bmp_24bit_os2", "bmp_32bit_bgrx", "bmp_32bit_rgba", "bmp_16bit_555",
        "bmp_16bit_565_bitfields", "bmp_32bit_v5_alpha", "bmp_32bit_v4_bitfields_topdown", "bmp_rle8", "bmp_rle4",
    ]
    static let gifFiles = ["gif_plain", "gif_interlaced", "gif_transparent", "gif_animated"]

    static func fixture(_ name: String) throws -> Data { try Data(contentsOf: fixtures.appendingPathComponent(name)) }

    /// Pixels differing from Pillow's, and the largest channel difference; fully transparent pixels only need
    /// to agree that they are transparent (their colour is invisible and decoders differ).
    static func compare(_ bitmap: Bitmap, _ expected: Data) -> (differing: Int, worst: Int) {
        var differing = 0, worst = 0
        for pixel in 0..<(bitmap.width * bitmap.height) {
            let theirs = (0..<4).map { Int(expected[pixel * 4 + $0]) }
            let ours = (0..<4).map { Int(bitmap.pixels[pixel * 4 + $0]) }
            let channels = theirs[3] == 0 && ours[3] == 0 ? [3] : [0, 1, 2, 3]
            let delta = channels.map { abs(ours[$0] - theirs[$0]) }.max() ?? 0
            if delta > 0 { differing += 1 }
            worst = max(worst, delta)
        }
        return (differing, worst)
    }

    @Test("every BMP variant decodes to Pillow's pixels", arguments: bmpFiles)
    func bmpMatchesPillow(name: String) throws {
        let data = try Self.fixture("\(name).bmp")
        let decoded = try ImageLoader.load(data: data, name: "\(name).bmp", maxSize: nil)
        #expect(decoded.info.format == .bmp)
        #expect(decoded.bitmap.size == Self.size)
        let (differing, worst) = Self.compare(decoded.bitmap, try Self.fixture("\(name).rgba"))
        // Pillow widens 5- and 6-bit channels by bit replication, we by rounding v·255/max: the two agree within 1.
        let tolerance = name.hasPrefix("bmp_16bit") ? 1 : 0
        #expect(worst <= tolerance, "\(name): \(differing) pixels differ, by up to \(worst)")
        #expect(decoded.info.hasAlpha == (name.contains("alpha") || name.contains("v4")))
    }

    @Test("the first frame of every GIF decodes to Pillow's pixels", arguments: gifFiles)
    func gifMatchesPillow(name: String) throws {
        let data = try Self.fixture("\(name).gif")
        let decoded = try ImageLoader.load(data: data, name: "\(name).gif", maxSize: nil)
        #expect(decoded.info.format == .gif)
        #expect(decoded.bitmap.size == Self.size)
        let (differing, worst) = Self.compare(decoded.bitmap, try Self.fixture("\(name).rgba"))
        #expect(differing == 0, "\(name): \(differing) pixels differ, by up to \(worst)")
        #expect(decoded.info.hasAlpha == (name == "gif_transparent"))
    }

    @Test func transparentGIFHasTransparentPixels() throws {
        let bitmap = try ImageLoader.decode(data: Self.fixture("gif_transparent.gif"), name: "t.gif", maxSize: nil)
        let transparent = (0..<(bitmap.width * bitmap.height)).filter { bitmap.pixels[$0 * 4 + 3] == 0 }.count
        #expect(transparent > 0 && transparent < bitmap.width * bitmap.height)
    }

    @Test("GIF and BMP are scaled down to fit like every other format", arguments: ["gif_plain.gif", "bmp_24bit.bmp"])
    func scaledDecode(name: String) throws {
        let bitmap = try ImageLoader.decode(data: Self.fixture(name), name: name, maxSize: PixelSize(width: 20, height: 20))
        #expect(bitmap.size == PixelSize(width: 20, height: 12))
    }

    @Test func formatsAreDetectedFromTheBytes() throws {
        #expect(ImageFormat.detect(try Self.fixture("gif_plain.gif")) == .gif)
        #expect(ImageFormat.detect(try Self.fixture("bmp_4bit.bmp")) == .bmp)
        #expect(ImageFormat.detect(Array("BMW is a car, not a bitmap".utf8)) == nil)
        #expect(ImageFormat.detect(Array("GIF8".utf8)) == nil)
    }

    /// Cutting a BMP or GIF anywhere gives one clean error line, never a crash or a made-up picture.
    @Test(arguments: ["bmp_24bit.bmp", "bmp_4bit.bmp", "bmp_rle8.bmp", "bmp_32bit_v5_alpha.bmp", "gif_interlaced.gif", "gif_plain.gif"])
    func cutFilesFailCleanly(name: String) throws {
        let data = try Self.fixture(name)
        for fraction in [0.001, 0.05, 0.3, 0.7, 0.95] {
            let cut = Data(data.prefix(max(1, Int(Double(data.count) * fraction))))
            let error = try #require(throws: ImagingError.self, "\(name) at \(fraction)") {
                try ImageLoader.decode(data: cut, name: "cut", maxSize: nil)
            }
            #expect([.truncated, .unrecognised].contains(error.code), "\(name) at \(fraction): \(error)")
            #expect(error.description.hasPrefix("cut: ") && !error.description.contains("\n"))
        }
    }

    /// Damaged bytes: a picture or one error line, never a crash.
    @Test(arguments: ["bmp_8bit_palette.bmp", "bmp_rle4.bmp", "bmp_16bit_565_bitfields.bmp", "gif_plain.gif", "gif_transparent.gif"])
    func corruptedBytesNeverCrash(name: String) throws {
        let original = [UInt8](try Self.fixture(name))
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<40 {
            var bytes = original
            for _ in 0..<8 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let index = 6 + Int(state >> 33) % (bytes.count - 6)
                bytes[index] = UInt8(truncatingIfNeeded: state >> 17)
            }
            do {
                let bitmap = try ImageLoader.decode(data: Data(bytes), name: "damaged", maxSize: PixelSize(width: 64, height: 64))
                #expect(bitmap.width <= 64 && bitmap.height <= 64)
            } catch let error as ImagingError {
                #expect(error.description.hasPrefix("damaged: "))
            }
        }
    }

    /// A BMP header claiming 100000x100000 pixels is refused before anything that size is allocated.
    @Test func bmpBombIsRefusedFromTheHeader() throws {
        var bytes = [UInt8](try Self.fixture("bmp_24bit.bmp"))
        for (offset, value) in [(18, 100_000), (22, 100_000)] {
            for i in 0..<4 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * i)) }
        }
        let info = try ImageLoader.info(data: Data(bytes), name: "bomb.bmp")
        #expect(info.storedSize == PixelSize(width: 100_000, height: 100_000))
        let error = try #require(throws: ImagingError.self) { try ImageLoader.decode(data: Data(bytes), name: "bomb.bmp", maxSize: nil) }
        #expect(error.code == .tooLarge)
    }

    @Test func unsupportedBMPCompressionSaysSo() throws {
        var bytes = [UInt8](try Self.fixture("bmp_24bit.bmp"))
        bytes[30] = 4  // BI_JPEG
        let error = try #require(throws: ImagingError.self) { try ImageLoader.decode(data: Data(bytes), name: "odd.bmp", maxSize: nil) }
        #expect(error.code == .unsupported)
        #expect(error.description == "odd.bmp: holds an embedded JPEG, which BMP decoding does not support")
    }
}
