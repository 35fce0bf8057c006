import Foundation
import Testing
@testable import Imaging

@Suite struct ScalingTests {
    @Test func fittingKeepsAspectRatio() {
        let size = PixelSize(width: 6000, height: 4000)
        #expect(size.fitting(into: PixelSize(width: 1200, height: 1200)) == PixelSize(width: 1200, height: 800))
        #expect(size.fitting(into: PixelSize(width: 3000, height: 500)) == PixelSize(width: 750, height: 500))
        #expect(PixelSize(width: 10, height: 5).fitting(into: PixelSize(width: 100, height: 100)) == PixelSize(width: 100, height: 50))
        #expect(PixelSize(width: 10, height: 5).shrunk(toFit: PixelSize(width: 100, height: 100)) == PixelSize(width: 10, height: 5))
        #expect(PixelSize(width: 10000, height: 1).fitting(into: PixelSize(width: 100, height: 100)) == PixelSize(width: 100, height: 1))
        #expect(size.fitting(into: PixelSize(width: 0, height: -3)) == PixelSize(width: 1, height: 1))
    }

    @Test func degenerateTargetsStillDecode() throws {
        let bitmap = try Corpus.decode("formats/coffee_baseline.jpg", maxSize: PixelSize(width: 0, height: 0))
        #expect(bitmap.size == PixelSize(width: 1, height: 1))
    }

    @Test func jpegScalingFactorCoversTheTarget() {
        let full = PixelSize(width: 6000, height: 4000)
        #expect(JPEGDecoder.scaledSize(of: full, covering: PixelSize(width: 1200, height: 800)) == PixelSize(width: 1500, height: 1000))
        #expect(JPEGDecoder.scaledSize(of: full, covering: PixelSize(width: 80, height: 50)) == PixelSize(width: 750, height: 500))
        #expect(JPEGDecoder.scaledSize(of: full, covering: PixelSize(width: 5999, height: 1)) == full)
    }

    /// A scaled decode (libjpeg at n/8, libwebp's scaler) must look like a full decode resampled.
    @Test(arguments: [
        "formats/coffee_baseline.jpg", "formats/coffee_progressive.jpg", "formats/coffee_cmyk.jpg", "formats/coffee_gray.jpg",
        "formats/coffee_lossy.webp", "formats/coffee_lossless_alpha.webp", "formats/coffee_interlaced.png", "formats/coffee.heic",
    ])
    func scaledDecodeMatchesFullDecodeResampled(path: String) throws {
        let box = PixelSize(width: 150, height: 150)
        let scaled = try Corpus.decode(path, maxSize: box)
        #expect(scaled.size == PixelSize(width: 150, height: 100))
        let reference = try Corpus.decode(path).resized(to: scaled.size)
        // Compare what is seen: colours under transparent pixels are arbitrary, so flatten both first.
        let black = RGBA(0, 0, 0)
        let difference = Metrics.meanAbsoluteDifference(scaled.flattened(over: black), reference.flattened(over: black))
        #expect(Metrics.meanAbsoluteDifference(scaled, reference, alpha: true) < 8)
        #expect(difference < 3, "\(path): mean abs difference \(difference)")
    }

    @Test func smallImagesAreNotEnlarged() throws {
        let bitmap = try Corpus.decode("formats/coffee_baseline.jpg", maxSize: PixelSize(width: 4000, height: 4000))
        #expect(bitmap.size == PixelSize(width: 600, height: 400))
    }

    /// A one-pixel checkerboard shrunk by non-integer factors must become flat grey, not moiré.
    @Test(arguments: [(997, 100), (640, 213), (300, 7)])
    func downscaledCheckerboardIsGrey(source: Int, target: Int) {
        var board = Bitmap(width: source, height: source)
        for y in 0..<source { for x in 0..<source where (x + y) % 2 == 0 { board[x, y] = RGBA(255, 255, 255) } }
        let small = board.resized(to: PixelSize(width: target, height: target))
        let mean = small.pixels.enumerated().filter { $0.offset % 4 == 0 }.map { Double($0.element) }.reduce(0, +) / Double(target * target)
        #expect(abs(mean - 127.5) < 3, "mean \(mean)")
        #expect(Metrics.deviation(small) < 4, "deviation \(Metrics.deviation(small))")
    }

    @Test func flatImagesStayExactlyFlat() {
        let flat = Bitmap(width: 333, height: 177, fill: RGBA(10, 200, 77))
        for size in [PixelSize(width: 100, height: 50), PixelSize(width: 500, height: 400), PixelSize(width: 7, height: 3)] {
            let resized = flat.resized(to: size)
            #expect(resized.size == size)
            #expect(resized == Bitmap(width: size.width, height: size.height, fill: RGBA(10, 200, 77)))
        }
    }

    /// Invisible pixels must not tint their neighbours: transparent red next to opaque blue stays blue.
    @Test func transparentColoursDoNotBleed() {
        var bitmap = Bitmap(width: 64, height: 8, fill: RGBA(255, 0, 0, 0))
        for y in 0..<8 { for x in 32..<64 { bitmap[x, y] = RGBA(0, 0, 255) } }
        let small = bitmap.resized(to: PixelSize(width: 16, height: 2))
        for x in 0..<16 where small[x, 0].a > 0 {
            #expect(small[x, 0].r == 0, "x=\(x): \(small[x, 0])")
        }
    }

    @Test func upscalingInterpolatesSmoothly() {
        var ramp = Bitmap(width: 4, height: 1)
        for x in 0..<4 { ramp[x, 0] = RGBA(UInt8(x * 80), 0, 0) }
        let wide = ramp.resized(to: PixelSize(width: 16, height: 1), filter: .catmullRom)
        let reds = (0..<16).map { Int(wide[$0, 0].r) }
        #expect(reds == reds.sorted(), "\(reds)")
        #expect(reds.first! < 20 && reds.last! > 220)
    }
}
