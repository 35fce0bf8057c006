import Foundation
import Testing
@testable import Imaging

@Suite struct FormatDecodingTests {
    static let coffeeSize = PixelSize(width: 600, height: 400)

    /// Every colour variant of coffee must match the reference PNG closely (lossy formats within a few levels).
    @Test(arguments: [
        ("formats/coffee_baseline.jpg", 6.0), ("formats/coffee_progressive.jpg", 6.0), ("formats/coffee_cmyk.jpg", 8.0),
("formats/coffee_interlaced.png", 0.5), ("formats/coffee_palette.png", 8.0),
        ("formats/coffee_lossy.webp", 8.0), ("formats/coffee.heic", 8.0),
    ])
    func colourVariantsMatchReference(path: String, tolerance: Double) throws {
        let reference = try Corpus.decode("photos/coffee.png")
        let decoded = try Corpus.decode(path)
        #expect(decoded.size == Self.coffeeSize)
        let difference = Metrics.meanAbsoluteDifference(decoded, reference)
        #expect(difference < tolerance, "\(path): mean abs difference \(difference)")
        #expect(Metrics.alphaRange(decoded) == 255...255, "\(path) must be opaque")
    }

    @Test(arguments: ["formats/coffee_gray.jpg", "formats/coffee_gray.png"])
    func grayVariantsMatchLuma(path: String) throws {
        let reference = Metrics.luma(try Corpus.decode("photos/coffee.png"))
        let decoded = try Corpus.decode(path)
        #expect(decoded.size == Self.coffeeSize)
        #expect(Metrics.isGray(decoded))
        let difference = Metrics.meanAbsoluteDifference(decoded, reference)
        #expect(difference < 6, "\(path): mean abs difference \(difference)")
    }

    /// coffee_16bit.png is 16-bit grayscale whose samples only span 0...255 (8-bit data written into 16-bit
    /// containers), so a faithful decode is almost black, as in every other viewer: each 8-bit result must be
    /// the 16-bit sample / 257, rounded — which also proves 16-bit data is not mistaken for linear light.
    @Test func sixteenBitPNGScalesSamplesExactly() throws {
        let gray = try Corpus.decode("formats/coffee_gray.png")
        let deep = try Corpus.decode("formats/coffee_16bit.png")
        #expect(deep.size == Self.coffeeSize)
        #expect(Metrics.isGray(deep))
        var mismatches = 0
        for pixel in 0..<(deep.width * deep.height) {
            let expected = (Int(gray.pixels[pixel * 4]) * 255 + 32895) >> 16
            if Int(deep.pixels[pixel * 4]) != expected { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(Set(deep.pixels.enumerated().filter { $0.offset % 4 == 0 }.map(\.element)) == [0, 1])
    }

    @Test func alphaSurvivesPNGAndLosslessWebP() throws {
        let png = try Corpus.decode("formats/coffee_alpha.png")
        let webp = try Corpus.decode("formats/coffee_lossless_alpha.webp")
        #expect(png.size == Self.coffeeSize && webp.size == Self.coffeeSize)
        let range = Metrics.alphaRange(png)
        #expect(range.lowerBound < 128 && range.upperBound == 255, "alpha \(range)")
        #expect(Metrics.alphaRange(webp) == range)
        // Lossless: identical wherever a pixel is visible at all.
        var differing = 0
        for pixel in 0..<(png.width * png.height) where png.pixels[pixel * 4 + 3] > 0 {
            if png.pixels[(pixel * 4)..<(pixel * 4 + 4)] != webp.pixels[(pixel * 4)..<(pixel * 4 + 4)] { differing += 1 }
        }
        #expect(differing == 0)
    }

    @Test func heifMatchesItsPNG() throws {
        let heif = try Corpus.decode("formats/chelsea.heif")
        let reference = try Corpus.decode("photos/chelsea.png")
        #expect(heif.size == reference.size)
        let difference = Metrics.meanAbsoluteDifference(heif, reference)
        #expect(difference < 8, "mean abs difference \(difference)")
    }

    @Test func infoReadsHeadersWithoutDecoding() throws {
        let cases: [(String, ImageFormat, Bool)] = [
            ("formats/coffee_baseline.jpg", .jpeg, false), ("formats/coffee_alpha.png", .png, true),
            ("formats/coffee_lossless_alpha.webp", .webp, true), ("formats/coffee_lossy.webp", .webp, false),
            ("formats/coffee.heic", .heif, false), ("formats/coffee_palette.png", .png, false),
        ]
        for (path, format, alpha) in cases {
            let info = try ImageLoader.info(data: Corpus.data(path), name: path)
            #expect(info.format == format, "\(path)")
            #expect(info.storedSize == Self.coffeeSize, "\(path)")
            #expect(info.uprightSize == Self.coffeeSize, "\(path)")
            #expect(info.hasAlpha == alpha, "\(path)")
        }
    }

    @Test func largeFilesReportTheirSize() throws {
        let cases = [
            ("large/camera_6000x4000.jpg", PixelSize(width: 6000, height: 4000)),
            ("large/Elephants_5640x3172.jpg", PixelSize(width: 5640, height: 3172)),
            ("large/pixels-l.webp", PixelSize(width: 4096, height: 4096)),
        ]
        for (path, size) in cases {
            #expect(try ImageLoader.info(data: Corpus.data(path), name: path).storedSize == size)
        }
    }
}
