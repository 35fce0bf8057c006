import Foundation
import Testing
@testable import Imaging

@Suite struct PNGEncoderTests {
    @Test func rgbaRoundTripIsIdentical() throws {
        var bitmap = Bitmap(width: 37, height: 23)
        for y in 0..<23 { for x in 0..<37 { bitmap[x, y] = RGBA(UInt8(x * 7), UInt8(y * 11), UInt8((x * y) % 256), UInt8((x + y * 5) % 256)) } }
        let data = try PNGEncoder.encode(bitmap)
        #expect(ImageFormat.detect(data) == .png)
        #expect(try ImageLoader.decodeFull(data: data, name: "roundtrip.png") == bitmap)
    }

    @Test(arguments: [PNGEncoder.Effort.small, .fast])
    func opaquePhotoRoundTripIsIdentical(effort: PNGEncoder.Effort) throws {
        let photo = try Corpus.decode("photos/coffee.png")
        let data = try PNGEncoder.encode(photo, effort: effort)
        #expect(try ImageLoader.decodeFull(data: data, name: "coffee.png") == photo)
        #expect(try ImageLoader.info(data: data, name: "coffee.png").hasAlpha == false)
    }

    @Test func grayMaskRoundTripKeepsOneChannel() throws {
        var mask = GrayImage(width: 20, height: 10)
        for index in 0..<mask.pixels.count { mask.pixels[index] = UInt8((index * 13) % 256) }
        let data = try PNGEncoder.encode(mask)
        #expect(try ImageLoader.decodeGray(data: data, name: "mask.png") == mask)
    }

    @Test func writesAFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("imaging-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bitmap = Bitmap(width: 3, height: 2, fill: RGBA(1, 2, 3, 4))
        let url = directory.appendingPathComponent("out.png")
        try PNGEncoder.write(bitmap, to: url)
        #expect(try ImageLoader.decodeFull(data: Data(contentsOf: url), name: "out.png") == bitmap)
    }

    @Test func unwritableDestinationNamesTheFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("imaging-missing-\(UUID().uuidString)/out.png")
        let error = try #require(throws: ImagingError.self) {
            try PNGEncoder.write(Bitmap(width: 2, height: 2), to: url)
        }
        #expect(error.code == .unwritable)
        #expect(error.description.hasPrefix("out.png: cannot write"))
        #expect(!error.description.contains("\n"))
    }

    @Test func largeExportsUseFastCompressionSmallOnesTheSmallest() {
        #expect(PNGEncoder.exportEffort(for: PixelSize(width: 6000, height: 4000)) == .fast)
        #expect(PNGEncoder.exportEffort(for: PixelSize(width: 1920, height: 1080)) == .small)
    }
}
