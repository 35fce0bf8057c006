import Foundation
import Imaging
import Testing
@testable import SquintCore
import TerminalGraphics
@testable import SquintTUI

/// The file list's folder scan: what is listed, and names that are not UTF-8 listed (escaped) and openable.
@Suite struct FolderScannerTests {
    static func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("squint-scan-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for name in ["b2.JPG", "b10.png", "anim.gif", "scan.bmp", "notes.txt", ".hidden.jpg", "ロケット 🚀.jpg"] {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("linked").path, withDestinationPath: "sub")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("gone.jpg").path, withDestinationPath: "nowhere.jpg")
        // A Latin-1 name, as an old camera or a Windows share writes it: not UTF-8.
        let raw = Array(folder.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".jpg".utf8)
        let descriptor = (raw.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        #expect(descriptor >= 0)
        _ = write(descriptor, "12345", 5)
        close(descriptor)
        return folder
    }

    @Test func listsFoldersThenImagesInNaturalOrder() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let entries = try FolderScanner.scan(folder.path)
        let shown = entries.map { ($0.isDirectory ? "/" : "") + FileSystemName.displayName($0.name) }
        #expect(shown == ["/linked", "/sub", "anim.gif", "b2.JPG", "b10.png", "caf\\xE9.jpg", "scan.bmp", "ロケット 🚀.jpg"])
        #expect(entries.first { $0.name.hasPrefix("caf") }?.byteSize == 5)
    }

    /// The escaped name is what the list shows (through the one sanitiser), and the path made from it opens.
    @Test func latin1NameIsShownEscapedAndOpens() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let entry = try #require(try FolderScanner.scan(folder.path).first { $0.name.hasPrefix("caf") })
        #expect(TerminalSanitizer.sanitize(entry.name) == "caf\\xE9.jpg")
        var state = AppState(folder: folder.path, size: CellSize(columns: 120, rows: 40))
        _ = state.apply(.folderLoaded(path: folder.path, entries: try FolderScanner.scan(folder.path)))
        let path = state.path(of: entry.name)
        #expect(try ImageLoader.read(path: path, name: entry.name) == Data("12345".utf8))
    }

    /// The first screen does not wait for one stat per image: sizes (and the store's marks) arrive just after.
    @Test func sizesFollowTheList() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let listed = try FolderScanner.scan(folder.path, sizes: false)
        #expect(listed.filter { $0.kind == .image }.allSatisfy { $0.byteSize == nil })
        #expect(listed.map(\.name) == (try FolderScanner.scan(folder.path)).map(\.name))
        let sizes = FolderScanner.sizes(of: listed, in: folder.path)
        #expect(sizes.count == 6 && sizes["b10.png"] == 1)
        #expect(sizes.first { $0.key.hasPrefix("caf") }?.value == 5)

        var state = AppState(folder: folder.path, size: CellSize(columns: 120, rows: 40))
        _ = state.apply(.folderLoaded(path: folder.path, entries: listed))
        let effects = state.apply(.folderDetails(path: folder.path, sizes: sizes, marks: ["b2.JPG": .answered]))
        #expect(effects.isEmpty)
        #expect(state.entries.first { $0.name == "b10.png" }?.byteSize == 1)
        #expect(state.entries.first { $0.name == "b2.JPG" }?.mark == .answered)
        // Details for a folder no longer shown change nothing.
        _ = state.apply(.folderDetails(path: "/elsewhere", sizes: ["b10.png": 99], marks: [:]))
        #expect(state.entries.first { $0.name == "b10.png" }?.byteSize == 1)
    }

    @Test func aMissingFolderIsOneLine() {
        let error = #expect(throws: FolderScanner.Failure.self) { try FolderScanner.scan("/nonexistent/folder") }
        #expect(error?.description == "/nonexistent/folder: cannot list the folder (No such file or directory)")
    }
}
