import Foundation
import Testing
@testable import Imaging

@Suite struct OrientationTests {
    /// Each orientation_N.jpg stores upright.png transformed; decoding must undo it.
    @Test(arguments: 1...8)
    func everyOrientationComesOutUpright(value: Int) throws {
        let upright = try Corpus.decode("orientation/upright.png")
        let path = "orientation/orientation_\(value).jpg"
        let info = try ImageLoader.info(data: Corpus.data(path), name: path)
        #expect(info.orientation.rawValue == value)
        #expect(info.uprightSize == upright.size)
        let decoded = try Corpus.decode(path)
        #expect(decoded.size == upright.size)
        let difference = Metrics.meanAbsoluteDifference(decoded, upright)
        #expect(difference < 3, "orientation \(value): mean abs difference \(difference)")
    }

    @Test(arguments: 1...8)
    func scaledDecodeIsUprightToo(value: Int) throws {
        let upright = try Corpus.decode("orientation/upright.png")
        let box = PixelSize(width: upright.width / 2, height: upright.height / 2)
        let decoded = try Corpus.decode("orientation/orientation_\(value).jpg", maxSize: box)
        #expect(decoded.size == upright.size.fitting(into: box))
        let difference = Metrics.meanAbsoluteDifference(decoded, upright.resized(to: decoded.size))
        #expect(difference < 3, "orientation \(value): mean abs difference \(difference)")
    }

    /// The transforms on a 2x3 image with distinct pixels, against hand-written expectations.
    @Test func transformsMatchTheExifDefinitions() {
        // a b
        // c d
        // e f
        var bitmap = Bitmap(width: 2, height: 3)
        for index in 0..<6 { bitmap[index % 2, index / 2] = RGBA(UInt8(index), 0, 0) }
        func rows(_ b: Bitmap) -> [[UInt8]] { (0..<b.height).map { y in (0..<b.width).map { x in b[x, y].r } } }
        #expect(rows(bitmap.oriented(.up)) == [[0, 1], [2, 3], [4, 5]])
        #expect(rows(bitmap.oriented(.upMirrored)) == [[1, 0], [3, 2], [5, 4]])
        #expect(rows(bitmap.oriented(.down)) == [[5, 4], [3, 2], [1, 0]])
        #expect(rows(bitmap.oriented(.downMirrored)) == [[4, 5], [2, 3], [0, 1]])
        #expect(rows(bitmap.oriented(.leftMirrored)) == [[0, 2, 4], [1, 3, 5]])
        #expect(rows(bitmap.oriented(.right)) == [[4, 2, 0], [5, 3, 1]])
        #expect(rows(bitmap.oriented(.rightMirrored)) == [[5, 3, 1], [4, 2, 0]])
        #expect(rows(bitmap.oriented(.left)) == [[1, 3, 5], [0, 2, 4]])
    }

    @Test func exifParserReadsBothByteOrders() {
        func segment(bigEndian: Bool, value: UInt8) -> [UInt8] {
            var tiff: [UInt8] = bigEndian ? [0x4D, 0x4D, 0, 42, 0, 0, 0, 8] : [0x49, 0x49, 42, 0, 8, 0, 0, 0]
            tiff += bigEndian ? [0, 1] : [1, 0]  // one entry
            tiff += bigEndian ? [0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, value, 0, 0] : [0x12, 0x01, 3, 0, 1, 0, 0, 0, value, 0, 0, 0]
            return Array("Exif".utf8) + [0, 0] + tiff
        }
        for value in UInt8(1)...8 {
            for bigEndian in [true, false] {
                let bytes = segment(bigEndian: bigEndian, value: value)
                let parsed = bytes.withUnsafeBytes { JPEGMetadata.exifOrientation($0) }
                #expect(parsed?.rawValue == Int(value))
            }
        }
        let invalid = segment(bigEndian: true, value: 9).withUnsafeBytes { JPEGMetadata.exifOrientation($0) }
        #expect(invalid == nil)
    }
}
