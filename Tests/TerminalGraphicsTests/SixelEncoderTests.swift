import Foundation
import Imaging
import Testing
@testable import TerminalGraphics

@Suite struct SixelEncoderTests {
    /// A colour the sixel percent scale holds exactly.
    private func exact(_ percent: Int) -> UInt8 { UInt8((percent * 255 + 50) / 100) }

    @Test func fewColoursRoundTripExactlyThroughRuns() throws {
        // Stripes, runs of every length, a lone pixel and a height that is not a multiple of 6.
        let colours = [RGBA(exact(0), exact(0), exact(0)), RGBA(exact(100), exact(0), exact(0)),
                       RGBA(exact(0), exact(60), exact(100)), RGBA(exact(30), exact(90), exact(10))]
        var bitmap = Bitmap(width: 37, height: 17)
        for y in 0..<bitmap.height {
            for x in 0..<bitmap.width {
                let pick = x < 9 ? 0 : x < 10 ? 1 : (x / 3 + y / 2) % 4
                bitmap[x, y] = colours[pick]
            }
        }
        bitmap[20, 16] = colours[1]
        let sixel = SixelEncoder().encode(bitmap)
        let decoded = try SixelTestDecoder.decode(sixel)
        #expect(decoded == bitmap)
        // Runs are compressed: the leading 9 black columns come out as a repeat, not 9 characters.
        #expect(String(decoding: sixel, as: UTF8.self).contains("!9"))
    }

    @Test func rleBoundaries() throws {
        // One colour for the whole image: every band is `#0!W~-` (or `!W` of the last band's bits).
        for width in [1, 3, 4, 5, 100] {
            let bitmap = Bitmap(width: width, height: 12, fill: RGBA(exact(50), exact(50), exact(50)))
            let sixel = SixelEncoder().encode(bitmap)
            let text = String(decoding: sixel, as: UTF8.self)
            #expect(try SixelTestDecoder.decode(sixel) == bitmap)
            if width >= 4 {
                #expect(text.contains("#0!\(width)~-"))
            } else {
                #expect(text.contains("#0" + String(repeating: "~", count: width) + "-"))
            }
        }
    }

    @Test func rasterAttributesAndPaletteHeader() {
        let sixel = SixelEncoder().encode(Bitmap(width: 7, height: 5, fill: RGBA(255, 255, 255)))
        let text = String(decoding: sixel, as: UTF8.self)
        #expect(text.hasPrefix("\u{1B}P0;1;0q\"1;1;7;5#0;2;100;100;100"))
        #expect(text.hasSuffix("\u{1B}\\"))
    }

    @Test func transparentPixelsAreFlattenedOntoTheBackground() throws {
        let bitmap = Bitmap(width: 4, height: 6, fill: RGBA(255, 0, 0, 0))
        let decoded = try SixelTestDecoder.decode(SixelEncoder(background: RGB(exact(0), exact(0), exact(100))).encode(bitmap))
        #expect(decoded[0, 0] == RGBA(0, 0, 255))
    }

    @Test func photoQualityAndPaletteLimit() throws {
        let photo = TestSupport.syntheticPhoto(width: 240, height: 160)
        for colours in [256, 64, 16] {
            let encoder = SixelEncoder(maxColors: colours)
            let (palette, _) = encoder.quantize(photo)
            #expect(palette.count <= colours)
            let decoded = try SixelTestDecoder.decode(encoder.encode(photo))
            let psnr = TestSupport.psnr(decoded, photo)
            #expect(psnr > (colours == 256 ? 34 : colours == 64 ? 30 : 24), "\(colours) colours: \(psnr) dB")
        }
        // Coherence trades a little PSNR for fewer bytes; without it every pixel takes its nearest colour.
        let exact = SixelEncoder(coherence: 0).encode(photo), coherent = SixelEncoder().encode(photo)
        #expect(coherent.count < exact.count)
        #expect(try TestSupport.psnr(SixelTestDecoder.decode(exact), photo) >= TestSupport.psnr(SixelTestDecoder.decode(coherent), photo))
        let dithered = try SixelTestDecoder.decode(SixelEncoder(dithering: .floydSteinberg(strength: 0.5)).encode(photo))
        #expect(TestSupport.psnr(dithered, photo) > 33)
    }

    @Test func libsixelDecodesToTheIntendedSize() throws {
        let tool = "/usr/bin/sixel2png"
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            print("skipping: \(tool) is not installed (libsixel-bin)")
            return
        }
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (width, height) in [(1, 1), (13, 7), (240, 160), (301, 199)] {
            let input = directory.appendingPathComponent("\(width)x\(height).six")
            let output = directory.appendingPathComponent("\(width)x\(height).png")
            try Data(SixelEncoder().encode(TestSupport.syntheticPhoto(width: width, height: height))).write(to: input)
            #expect(try TestSupport.run(tool, ["-i", input.path, "-o", output.path]) == 0)
            let size = TestSupport.pngSize(try Data(contentsOf: output))
            #expect(size == PixelSize(width: width, height: height))
        }
    }

    @Test func rendererKeepsUnderALimitAndWrapsForTmux() throws {
        let photo = TestSupport.syntheticPhoto(width: 400, height: 300)
        let unlimited = try SixelRenderer().render(photo, area: CellSize(columns: 40, rows: 15), cellSize: PixelSize(width: 10, height: 20))
        #expect(unlimited.pixelSize == photo.size)
        #expect(unlimited.cells == CellSize(columns: 40, rows: 15))
        let limit = unlimited.bytes.count / 3
        let limited = try SixelRenderer(throughTmux: true, maximumBytes: limit)
            .render(photo, area: CellSize(columns: 40, rows: 15), cellSize: PixelSize(width: 10, height: 20))
        #expect(limited.bytes.count <= limit)
        #expect(limited.bytes.starts(with: Array("\u{1B}Ptmux;\u{1B}\u{1B}P".utf8)))
    }
}

@Suite struct SixelCorpusTests {
    /// Real photos through the whole path: decode, fit, encode, libsixel's decoder, compare pixels.
    @Test(arguments: ["photos/astronaut.png", "photos/coffee.png", "photos/chelsea.png"])
    func libsixelDecodesCorpusPhotosFaithfully(_ file: String) throws {
        let tool = "/usr/bin/sixel2png"
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            print("skipping: \(tool) is not installed (libsixel-bin)")
            return
        }
        let url = TestSupport.corpus.appendingPathComponent(file)
        let photo = try ImageLoader.decode(data: ImageLoader.read(url: url), name: file, maxSize: PixelSize(width: 400, height: 300))
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sixel = directory.appendingPathComponent("photo.six"), png = directory.appendingPathComponent("photo.png")
        let bytes = SixelEncoder().encode(photo)
        try Data(bytes).write(to: sixel)
        #expect(try TestSupport.run(tool, ["-i", sixel.path, "-o", png.path]) == 0)
        let decoded = try ImageLoader.decodeFull(data: Data(contentsOf: png), name: "photo.png")
        #expect(decoded.size == photo.size)
        let psnr = TestSupport.psnr(decoded, photo)
        #expect(psnr > 30, "\(file): \(psnr) dB")
        // Our own test decoder agrees with libsixel pixel for pixel.
        #expect(try SixelTestDecoder.decode(bytes) == decoded)
    }
}
