import Foundation
import Testing
@testable import Imaging

@Suite struct CompositingTests {
    @Test func cropKeepsTheRightPixelsAndClips() {
        var bitmap = Bitmap(width: 4, height: 3)
        for y in 0..<3 { for x in 0..<4 { bitmap[x, y] = RGBA(UInt8(x), UInt8(y), 0) } }
        let crop = bitmap.cropped(to: PixelRect(x: 1, y: 1, width: 2, height: 5))
        #expect(crop.size == PixelSize(width: 2, height: 2))
        #expect(crop[0, 0] == RGBA(1, 1, 0) && crop[1, 1] == RGBA(2, 2, 0))
        #expect(bitmap.cropped(to: PixelRect(x: 9, y: 0, width: 2, height: 2)).size == PixelSize(width: 0, height: 0))
    }

    @Test func flatteningBlendsOverTheBackground() {
        var bitmap = Bitmap(width: 3, height: 1, fill: RGBA(200, 100, 0, 255))
        bitmap[1, 0] = RGBA(200, 100, 0, 0)
        bitmap[2, 0] = RGBA(200, 100, 0, 128)
        let flat = bitmap.flattened(over: RGBA(0, 0, 255))
        #expect(flat[0, 0] == RGBA(200, 100, 0))
        #expect(flat[1, 0] == RGBA(0, 0, 255))
        let expectedBlue = UInt8((255 * 127 + 127) / 255)
        #expect(flat[2, 0] == RGBA(UInt8((200 * 128 + 127) / 255), UInt8((100 * 128 + 127) / 255), expectedBlue))
    }

    @Test func jpegEncodingRoundTripsClosely() throws {
        let photo = try Corpus.decode("photos/coffee.png")
        let jpeg = try JPEGEncoder.encode(photo, quality: 90)
        #expect(ImageFormat.detect(jpeg) == .jpeg)
        #expect(jpeg.count < 150_000)
        let decoded = try ImageLoader.decodeFull(data: jpeg, name: "coffee.jpg")
        #expect(decoded.size == photo.size)
        let difference = Metrics.meanAbsoluteDifference(decoded, photo)
        #expect(difference < 4, "mean abs difference \(difference)")
    }

    @Test func loadReturnsHeaderFactsWithTheFittedBitmap() async throws {
        let loaded = try await ImageLoader.load(url: Corpus.url("orientation/orientation_6.jpg"), maxSize: PixelSize(width: 64, height: 64))
        #expect(loaded.info.orientation == .right)
        #expect(loaded.info.uprightSize == loaded.info.storedSize.transposed)
        #expect(loaded.bitmap.size == loaded.info.uprightSize.fitting(into: PixelSize(width: 64, height: 64)))
    }
}
