import Foundation
import Testing
@testable import Imaging

@Suite struct BadInputTests {
    @Test(arguments: [
        ("bad/empty.jpg", ImagingError.Code.empty), ("bad/not_an_image.png", .unrecognised),
        ("bad/truncated.jpg", .truncated), ("bad/truncated.png", .truncated), ("bad/garbage.webp", .corrupt),
        ("bad/bomb_100000x100000.png", .tooLarge),
    ])
    func badInputsFailWithOneClearError(path: String, code: ImagingError.Code) throws {
        let name = Corpus.url(path).lastPathComponent
        let error = try #require(throws: ImagingError.self) {
            try ImageLoader.decode(data: Corpus.data(path), name: name, maxSize: nil)
        }
        #expect(error.code == code, "\(error)")
        #expect(error.fileName == name)
        #expect(error.description.hasPrefix("\(name): "))
        #expect(!error.description.contains("\n"))
    }

    @Test func truncatedJPEGSaysSo() throws {
        let error = try #require(throws: ImagingError.self) {
            try ImageLoader.decode(data: Corpus.data("bad/truncated.jpg"), name: "truncated.jpg", maxSize: PixelSize(width: 100, height: 100))
        }
        #expect(error.description == "truncated.jpg: not a complete JPEG (premature end of data)")
    }

    @Test func bombIsRefusedFromTheHeaderAlone() throws {
        let data = try Corpus.data("bad/bomb_100000x100000.png")
        let info = try ImageLoader.info(data: data, name: "bomb.png")
        #expect(info.storedSize == PixelSize(width: 100_000, height: 100_000))
        let error = try #require(throws: ImagingError.self) {
            try ImageLoader.decode(data: data, name: "bomb.png", maxSize: PixelSize(width: 80, height: 24))
        }
        #expect(error.code == .tooLarge)
        #expect(error.description.contains("100000x100000"))
    }

    @Test func budgetIsConfigurable() throws {
        let data = try Corpus.data("formats/coffee_baseline.jpg")
        let small = PixelBudget(maxPixels: 600 * 400 - 1)
        let error = try #require(throws: ImagingError.self) {
            try ImageLoader.decode(data: data, name: "coffee.jpg", maxSize: nil, budget: small)
        }
        #expect(error.code == .tooLarge)
        let exact = PixelBudget(maxPixels: 600 * 400)
        #expect(try ImageLoader.decode(data: data, name: "coffee.jpg", maxSize: nil, budget: exact).size == PixelSize(width: 600, height: 400))
    }

    /// Trust the bytes, not the extension; odd names are only names.
    @Test(arguments: ["bad/png_named.jpg", "bad/name with spaces.jpg", "bad/ロケット 🚀.jpg"])
    func misnamedAndOddlyNamedFilesOpen(path: String) async throws {
        let bitmap = try await ImageLoader.decode(url: Corpus.url(path), maxSize: PixelSize(width: 200, height: 200))
        #expect(bitmap.width == 200 || bitmap.height == 200)
        #expect(Metrics.deviation(bitmap) > 10, "a real picture, not a flat fill")
    }

    @Test func missingFileNamesIt() async throws {
        let url = Corpus.url("bad/does-not-exist.jpg")
        let error = try await #require(throws: ImagingError.self) {
            try await ImageLoader.decode(url: url, maxSize: nil)
        }
        #expect(error.code == .unreadable)
        #expect(error.description == "does-not-exist.jpg: no such file")
        let directory = try #require(throws: ImagingError.self) { try ImageLoader.read(url: Corpus.url("bad")) }
        #expect(directory.description == "bad: is a directory, not an image")
    }

    /// Every prefix of a valid file fails cleanly or decodes; none crashes.
    @Test(arguments: ["formats/coffee_progressive.jpg", "formats/coffee_interlaced.png", "formats/coffee_lossy.webp", "formats/coffee.heic"])
    func cutFilesNeverCrash(path: String) throws {
        let data = try Corpus.data(path)
        for fraction in [0.02, 0.1, 0.5, 0.9, 0.999] {
            let cut = data.prefix(Int(Double(data.count) * fraction))
            do {
                _ = try ImageLoader.decode(data: Data(cut), name: "cut", maxSize: PixelSize(width: 64, height: 64))
                Issue.record("\(path) cut at \(fraction) decoded without error")
            } catch let error as ImagingError {
                #expect([.truncated, .corrupt, .unrecognised].contains(error.code), "\(error)")
            }
        }
    }

    /// Damaged bytes in the middle of each format: a clean error or a picture, never a crash or a hang.
    @Test(arguments: ["formats/coffee_baseline.jpg", "formats/coffee_progressive.jpg", "formats/coffee_palette.png", "formats/coffee_lossless_alpha.webp", "formats/coffee.heic"])
    func corruptedBytesNeverCrash(path: String) throws {
        let original = [UInt8](try Corpus.data(path))
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<6 {
            var bytes = original
            for _ in 0..<20 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let index = 16 + Int(state >> 33) % (bytes.count - 16)
                bytes[index] = UInt8(truncatingIfNeeded: state >> 17)
            }
            do {
                let bitmap = try ImageLoader.decode(data: Data(bytes), name: "damaged", maxSize: PixelSize(width: 120, height: 120))
                #expect(bitmap.width <= 120 && bitmap.height <= 120)
            } catch let error as ImagingError {
                #expect(error.description.hasPrefix("damaged: "))
            }
        }
    }
}
