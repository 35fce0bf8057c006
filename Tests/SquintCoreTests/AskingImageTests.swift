import Foundation
import Testing
@testable import SquintCore

@Suite struct AskingImageTests {
    static var corpus: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/corpus").standardized
    }

    @Test func mimeTypeComesFromTheBytesNotTheName() throws {
        let png = try AskImage(bytes: AskFixtures.pngHeader + [0, 0, 0, 0], name: "photo.jpg")
        #expect(png.mimeType == "image/png")
        let webp = try AskImage(bytes: Array("RIFF\0\0\0\0WEBPVP8 ".utf8), name: "x.png")
        #expect(webp.mimeType == "image/webp")
        let heic = try AskImage(bytes: [0, 0, 0, 0x18] + Array("ftypheic".utf8), name: "x")
        #expect(heic.mimeType == "image/heif")
    }

    @Test(arguments: [
        (Array("GIF89a......".utf8), "GIF is not supported"),
        (Array("BM..........".utf8), "BMP is not supported"),
        ([0, 0, 0, 0x1C] + Array("ftypavif".utf8), "AVIF is not supported"),
        (Array("hello world!".utf8), "not a JPEG, PNG, WebP or HEIF image"),
        ([], "the file is empty"),
    ])
    func unsupportedBytesAreNamed(bytes: [UInt8], detail: String) throws {
        let error = try #require(throws: AskError.self) { try AskImage(bytes: bytes, name: "in.jpg") }
        #expect(error.description == "in.jpg: \(detail)")
        #expect(error.isUsageError)
    }

    @Test func loadsCorpusFilesAndRefusesMissingOnes() throws {
        let formats = Self.corpus.appendingPathComponent("formats")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: formats.path)) ?? []
        let jpeg = try #require(files.first { $0.lowercased().hasSuffix(".jpg") || $0.lowercased().hasSuffix(".jpeg") })
        #expect(try AskImage.load(path: formats.appendingPathComponent(jpeg).path).mimeType == "image/jpeg")
        #expect(throws: AskError.self) { try AskImage.load(path: "/nonexistent/x.png") }
        #expect(throws: AskError.self) { try AskImage.load(path: formats.path) }
    }

    @Test(arguments: [(384, 384, 258), (100, 200, 258), (385, 100, 258), (768, 768, 258), (769, 768, 516),
                      (1536, 1536, 1032), (1920, 1080, 1548), (0, 10, 0)])
    func tokenEstimate(width: Int, height: Int, tokens: Int) {
        #expect(ImageTokenEstimate.tokens(width: width, height: height) == tokens)
    }
}
