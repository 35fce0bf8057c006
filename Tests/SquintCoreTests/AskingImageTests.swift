import Foundation
import Imaging
import Testing
@testable import SquintCore
import TestCorpus

@Suite struct AskingImageTests {
    static var corpus: URL { TestCorpus.root }

    @Test func mimeTypeComesFromTheBytesNotTheName() throws {
        let png = try AskImage(bytes: AskFixtures.pngHeader + [0, 0, 0, 0], name: "photo.jpg")
        #expect(png.mimeType == "image/png")
        let webp = try AskImage(bytes: Array("RIFF\0\0\0\0WEBPVP8 ".utf8), name: "x.png")
        #expect(webp.mimeType == "image/webp")
        let heic = try AskImage(bytes: [0, 0, 0, 0x18] + Array("ftypheic".utf8), name: "x")
        #expect(heic.mimeType == "image/heif")
    }

    @Test(arguments: [
        (Array("GIF89a......".utf8), "not a complete GIF (the data ends early)"),
        (Array("BM..........".utf8), "not a JPEG, PNG, WebP, HEIF, GIF or BMP image"),
        ([0, 0, 0, 0x1C] + Array("ftypavif".utf8), "AVIF is not supported"),
        (Array("hello world!".utf8), "not a JPEG, PNG, WebP, HEIF, GIF or BMP image"),
        ([], "the file is empty"),
    ])
    func unsupportedBytesAreNamed(bytes: [UInt8], detail: String) throws {
        let error = try #require(throws: AskError.self) { try AskImage(bytes: bytes, name: "in.jpg") }
        #expect(error.description == "in.jpg: \(detail)")
        #expect(error.isUsageError)
    }

    /// A 1x1 GIF89a with a two-colour table (white, black) whose one pixel is black.
    static let tinyGIF: [UInt8] = Array("GIF89a".utf8) + [1, 0, 1, 0, 0x80, 0, 0, 255, 255, 255, 0, 0, 0,
        0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x4C, 0x01, 0, 0x3B]

    /// A 2x1 24-bit BMP: one red pixel, one blue, bottom-up, the row padded to 8 bytes.
    static var tinyBMP: [UInt8] {
        func u32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        let pixels: [UInt8] = [0, 0, 255, 255, 0, 0, 0, 0]
        let dib = u32(40) + u32(2) + u32(1) + [1, 0, 24, 0] + u32(0) + u32(pixels.count) + u32(2835) + u32(2835) + u32(0) + u32(0)
        return Array("BM".utf8) + u32(14 + 40 + pixels.count) + u32(0) + u32(54) + dib + pixels
    }

    /// Gemini takes neither GIF nor BMP: both go as PNG, with the same pixels.
    @Test(arguments: [("anim.gif", tinyGIF), ("scan.bmp", tinyBMP)])
    func gifAndBMPAreSentAsPNG(name: String, bytes: [UInt8]) throws {
        let image = try AskImage(bytes: bytes, name: name)
        #expect(image.mimeType == "image/png")
        #expect(Array(image.bytes.prefix(8)) == AskFixtures.pngHeader)
        let original = try ImageLoader.decode(data: Data(bytes), name: name, maxSize: nil)
        #expect(try ImageLoader.decode(data: Data(image.bytes), name: name, maxSize: nil) == original)
        let prepared = try PreparedImage.prepare(data: Data(bytes), name: name, maxSide: nil)
        #expect(prepared.mimeType == "image/png")
        #expect(prepared.uprightSize == original.size)
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
