import Foundation
import Testing
@testable import Imaging

/// JPEGs resampled while they decode must give exactly the pixels of decoding first and resampling after.
@Suite struct JPEGStreamingTests {
    /// The two-step reference: TurboJPEG's decode at the same n/8 scale, then `Bitmap.resized(to:filter:)`.
    private func twoStep(_ data: Data, eighths: Int, to size: PixelSize, filter: ResampleFilter) throws -> Bitmap {
        let info = try ImageLoader.info(data: data, name: "reference")
        let scaled = JPEGDecoder.scaledSize(of: info.storedSize, eighths: eighths)
        let decoded = try data.withUnsafeBytes { try JPEGDecoder().decode($0, target: scaled, budget: .default) }
        #expect(decoded.size == scaled)
        return decoded.resized(to: size, filter: filter)
    }

    private func streamed(_ data: Data, eighths: Int, to size: PixelSize, filter: ResampleFilter) throws -> Bitmap? {
        try data.withUnsafeBytes { try JPEGStreamingDecoder.decode($0, scaleEighths: eighths, to: size, filter: filter) }
    }

    @Test(arguments: [
        ("formats/coffee_baseline.jpg", 3, PixelSize(width: 150, height: 100), ResampleFilter.lanczos3),
        ("formats/coffee_baseline.jpg", 8, PixelSize(width: 311, height: 207), .catmullRom),
        ("formats/coffee_progressive.jpg", 4, PixelSize(width: 200, height: 133), .lanczos3),
        ("formats/coffee_gray.jpg", 5, PixelSize(width: 250, height: 170), .catmullRom),
        ("orientation/orientation_6.jpg", 8, PixelSize(width: 97, height: 146), .box),
        ("large/camera_6000x4000.jpg", 3, PixelSize(width: 1200, height: 800), .catmullRom),
    ])
    func streamedEqualsDecodeThenResample(path: String, eighths: Int, size: PixelSize, filter: ResampleFilter) throws {
        let data = try Corpus.data(path)
        let expected = try twoStep(data, eighths: eighths, to: size, filter: filter)
        let actual = try #require(try streamed(data, eighths: eighths, to: size, filter: filter))
        #expect(actual.size == size)
        let identical = actual == expected
        #expect(identical, "\(path): \(actual.psnr(against: expected)) dB from the two-step result")
    }

    /// The loader streams smaller JPEGs (and still orients them); the pixels are those of the two-step path.
    @Test(arguments: ["formats/coffee_baseline.jpg", "orientation/orientation_6.jpg", "orientation/orientation_3.jpg"])
    func loaderStreamsAndOrients(path: String) throws {
        let data = try Corpus.data(path)
        let info = try ImageLoader.info(data: data, name: path)
        let box = PixelSize(width: 160, height: 160)
        let loaded = try ImageLoader.decode(data: data, name: path, maxSize: box, downscaling: .detailed)
        let wantedStored = info.orientation.swapsAxes ? loaded.size.transposed : loaded.size
        let eighths = JPEGDecoder.scaleEighths(of: info.storedSize, covering: Downscaling.detailed.jpegDecodeTarget(for: wantedStored))
        let expected = try twoStep(data, eighths: eighths, to: wantedStored, filter: .catmullRom).oriented(info.orientation)
        let identical = loaded == expected
        #expect(identical, "\(path): \(loaded.psnr(against: expected)) dB from the two-step result")
        #expect(loaded.size == info.uprightSize.shrunk(toFit: box))
    }

    @Test func cmykIsLeftToTurboJPEG() throws {
        let data = try Corpus.data("formats/coffee_cmyk.jpg")
        #expect(try streamed(data, eighths: 4, to: PixelSize(width: 100, height: 67), filter: .lanczos3) == nil)
        // The loader still gives the picture, the usual way.
        let bitmap = try ImageLoader.decode(data: data, name: "cmyk.jpg", maxSize: PixelSize(width: 100, height: 100))
        #expect(bitmap.size == PixelSize(width: 100, height: 67))
    }

    @Test func cancellationStopsBetweenRows() throws {
        let data = try Corpus.data("large/camera_6000x4000.jpg")
        var asked = 0
        #expect(throws: CancellationError.self) {
            try data.withUnsafeBytes { bytes in
                try JPEGStreamingDecoder.decode(bytes, scaleEighths: 3, to: PixelSize(width: 1200, height: 800), filter: .catmullRom,
                                                isCancelled: { asked += 1; return asked > 20 })
            }
        }
        #expect(asked == 21, "cancellation is checked between rows, and nothing is decoded after it")
    }

    /// Every cut of a JPEG is shown with its damage on the streaming path too, the same rows as the
    /// one-pass decoder resampled afterwards.
    @Test(arguments: ["formats/coffee_baseline.jpg", "formats/coffee_progressive.jpg"])
    func cutFilesAreDamagedWhenStreamed(path: String) throws {
        let data = try Corpus.data(path)
        for fraction in [0.3, 0.6, 0.95, 0.9995] {
            let cut = Data(data.prefix(Int(Double(data.count) * fraction)))
            let decoded = try ImageLoader.load(data: cut, name: "cut.jpg", maxSize: PixelSize(width: 150, height: 150))
            let damage = try #require(decoded.damage, "\(fraction)")
            #expect(damage.code == .truncated)
            #expect(damage.description.hasPrefix("cut.jpg: truncated JPEG"))
            #expect(decoded.bitmap.size == PixelSize(width: 150, height: 100))
        }
    }
}
