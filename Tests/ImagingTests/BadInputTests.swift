import Foundation
import Testing
@testable import Imaging

@Suite struct BadInputTests {
    @Test(arguments: [
        ("bad/empty.jpg", ImagingError.Code.empty), ("bad/not_an_image.png", .unrecognised),
        ("bad/truncated.png", .truncated), ("bad/garbage.webp", .corrupt),
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

    /// Whatever lands in corpus/bad later: a picture or one ImagingError line naming the file, never anything else.
    @Test func everyBadFileFailsCleanlyOrOpens() async throws {
        let files = try FileManager.default.contentsOfDirectory(at: Corpus.url("bad"), includingPropertiesForKeys: nil)
        #expect(files.count >= 9)
        for url in files {
            do {
                let bitmap = try await ImageLoader.decode(url: url, maxSize: PixelSize(width: 320, height: 240))
                #expect(bitmap.width > 0 && bitmap.width <= 320 && bitmap.height <= 240)
            } catch let error as ImagingError {
                #expect(error.fileName == url.lastPathComponent)
                #expect(!error.description.contains("\n"))
            }
        }
    }

    /// bad/truncated.jpg is the first half of formats/coffee_baseline.jpg: the rows that are there are shown
    /// exactly as in the whole file, the rest is grey, and the damage says so in one line.
    @Test func truncatedJPEGShowsTheRowsThatAreThere() throws {
        let decoded = try ImageLoader.load(data: Corpus.data("bad/truncated.jpg"), name: "truncated.jpg", maxSize: nil)
        let damage = try #require(decoded.damage)
        #expect(damage.code == .truncated)
        #expect(damage.description == "truncated.jpg: truncated JPEG (the file ends early; the rest of the picture is grey)")
        let full = try Corpus.decode("formats/coffee_baseline.jpg")
        #expect(decoded.bitmap.size == full.size)
        let rowBytes = full.width * 4
        func row(_ bitmap: Bitmap, _ y: Int) -> ArraySlice<UInt8> { bitmap.pixels[(y * rowBytes)..<((y + 1) * rowBytes)] }
        let intact = (0..<full.height).prefix { row(decoded.bitmap, $0) == row(full, $0) }.count
        #expect(intact >= 100 && intact < full.height, "\(intact) rows as in the whole file")
        let last = row(decoded.bitmap, full.height - 1).enumerated().filter { $0.offset % 4 != 3 }.map(\.element)
        #expect(last.allSatisfy { (120...136).contains($0) }, "the missing rows are grey")
        // The bitmap-only API shows the same picture.
        #expect(try ImageLoader.decode(data: Corpus.data("bad/truncated.jpg"), name: "truncated.jpg", maxSize: nil) == decoded.bitmap)
    }

    /// Scaled decodes (libjpeg's n/8 scaling and the streaming resampler) keep the damage too, and so does the
    /// asynchronous loader the TUI uses.
    @Test(arguments: [PixelSize(width: 100, height: 100), PixelSize(width: 300, height: 200), PixelSize(width: 590, height: 390)])
    func scaledTruncatedJPEGKeepsTheDamage(size: PixelSize) async throws {
        let decoded = try await ImageLoader.load(url: Corpus.url("bad/truncated.jpg"), maxSize: size)
        #expect(decoded.damage?.code == .truncated)
        #expect(decoded.bitmap.width <= size.width && decoded.bitmap.height <= size.height)
        #expect(Metrics.deviation(decoded.bitmap) > 10, "the top half is a real picture")
    }

    /// Every cut of a baseline JPEG after its first scan starts is shown with its damage, whatever warning
    /// libjpeg happened to emit last.
    @Test func everyCutJPEGIsShownAsDamaged() throws {
        let data = try Corpus.data("formats/coffee_baseline.jpg")
        for fraction in [0.3, 0.6, 0.95, 0.9995] {
            let cut = Data(data.prefix(Int(Double(data.count) * fraction)))
            let decoded = try ImageLoader.load(data: cut, name: "cut.jpg", maxSize: nil)
            #expect(decoded.damage?.code == .truncated, "\(fraction)")
            #expect(decoded.bitmap.size == PixelSize(width: 600, height: 400))
        }
        // Trailing bytes after the end marker (camera trailers) are fine.
        let trailing = data + Data(repeating: 0x42, count: 1000)
        let decoded = try ImageLoader.load(data: trailing, name: "trailing.jpg", maxSize: nil)
        #expect(decoded.damage == nil)
        #expect(decoded.bitmap.size == PixelSize(width: 600, height: 400))
        // Cut inside the header, nothing can be shown: still one clear error.
        let header = try #require(throws: ImagingError.self) { try ImageLoader.decode(data: data.prefix(300), name: "cut.jpg", maxSize: nil) }
        #expect(header.code == .truncated)
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

    /// Every prefix of a valid file fails cleanly or (a JPEG) decodes with its damage noted; none crashes, and
    /// none passes for complete.
    @Test(arguments: ["formats/coffee_progressive.jpg", "formats/coffee_interlaced.png", "formats/coffee_lossy.webp", "formats/coffee.heic"])
    func cutFilesNeverCrash(path: String) throws {
        let data = try Corpus.data(path)
        for fraction in [0.02, 0.1, 0.5, 0.9, 0.999] {
            let cut = data.prefix(Int(Double(data.count) * fraction))
            do {
                let decoded = try ImageLoader.load(data: Data(cut), name: "cut", maxSize: PixelSize(width: 64, height: 64))
                if decoded.damage?.code != .truncated { Issue.record("\(path) cut at \(fraction) decoded as if complete") }
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
