import Foundation
import Imaging
import Testing
@testable import SquintCore

/// Files the TUI lists must also work when asked about: names that are not UTF-8, and GIF/BMP pictures
/// (sent as PNG, which Gemini takes).
@Suite("Asking about files with odd names and formats")
struct AskingFileNameTests {
    /// `caf\xE9.png` (Latin-1, not UTF-8) holding a real PNG, as `FileSystemName` carries it.
    static func latin1Image(in folder: URL) throws -> String {
        let bytes = Array(folder.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".png".utf8)
        let contents = try Data(contentsOf: TestPaths.corpusFile("orientation/upright.png"))
        let descriptor = (bytes.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer {
            open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        _ = contents.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        return FileSystemName.string(fromFileSystem: bytes)
    }

    @Test("a Latin-1 file name is read, asked about, and its answer stored and found again")
    func latin1NameAskAndStore() async throws {
        let folder = try TestPaths.temporaryDirectory()
        let store = try Store(url: folder.appendingPathComponent("squint.db"))
        let path = try Self.latin1Image(in: folder)
        #expect(FileManager.default.fileExists(atPath: path) == false, "Foundation alone cannot open it")

        let image = try AskImage.load(path: path)
        #expect(image.mimeType == "image/png")
        let provider = ScriptedProvider([ScriptedProvider.answer(#"[{"box_2d": [100, 200, 500, 600], "label": "cup"}]"#)])
        let pipeline = AskPipeline(provider: provider, store: store, configuration: SquintConfiguration())
        let outcome = try await pipeline.ask(Question(task: .detect, imagePaths: [path], words: "cups", model: "m"))
        #expect(outcome.detections.count == 1)
        let history = try await store.history(imagePath: path)
        #expect(history.count == 1)
        let statuses = try await store.imageStatuses(inFolder: folder.path)
        #expect(statuses.map(\.path) == [Store.canonicalPath(path)])
        let registered = try await store.registerImage(path: path)
        #expect(registered.byteSize == Int64(try Data(contentsOf: TestPaths.corpusFile("orientation/upright.png")).count))
    }

    @Test("a GIF is asked about as a PNG of its first frame")
    func gifGoesAsPNG() async throws {
        let folder = try TestPaths.temporaryDirectory()
        let store = try Store(url: folder.appendingPathComponent("squint.db"))
        let path = folder.appendingPathComponent("dot.gif").path
        try Data(AskingImageTests.tinyGIF).write(to: URL(fileURLWithPath: path))
        let provider = ScriptedProvider([ScriptedProvider.answer("A black dot.")])
        let pipeline = AskPipeline(provider: provider, store: store, configuration: SquintConfiguration())
        _ = try await pipeline.ask(Question(task: .question, imagePaths: [path], words: "what is it?", model: "m"))
        let parts = provider.requests.first?.parts ?? []
        let mimeTypes = parts.compactMap { if case .inline(let mimeType, _) = $0 { mimeType } else { nil } }
        #expect(mimeTypes == ["image/png"])
    }
}
