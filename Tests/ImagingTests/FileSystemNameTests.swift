import Foundation
import Testing
@testable import Imaging

/// Names that are not UTF-8 are carried in Strings (`FileSystemName`) and open by their original bytes.
@Suite struct FileSystemNameTests {
    static let latin1: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".jpg".utf8)

    @Test func latin1NameIsEscapedAndShownAsBytes() {
        let name = FileSystemName.string(fromFileSystem: Self.latin1)
        #expect(FileSystemName.hasEscapedBytes(name))
        #expect(FileSystemName.displayName(name) == "caf\\xE9.jpg")
        #expect(FileSystemName.bytes(of: name) == Self.latin1)
        #expect(name.hasSuffix(".jpg"), "the extension stays readable for the scanner")
    }

    @Test func validUTF8IsUnchanged() {
        for text in ["plain.jpg", "café.jpg", "ロケット 🚀.jpg", "name with spaces.png"] {
            let name = FileSystemName.string(fromFileSystem: Array(text.utf8))
            #expect(name == text)
            #expect(!FileSystemName.hasEscapedBytes(name))
            #expect(FileSystemName.bytes(of: name) == Array(text.utf8))
        }
    }

    /// Every byte string comes back as the same bytes: overlong forms, surrogates, stray continuation bytes,
    /// sequences cut short, and valid names that contain the escape scalars themselves.
    @Test func everyByteStringRoundTrips() {
        var cases: [[UInt8]] = [
            [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0xFF, 0xFE],
            Array("\u{10FF80}x\u{10FFFF}".utf8), [0x61, 0xE9, 0xE9, 0x62], [0xF0, 0x9F, 0x9A],
        ]
        var state: UInt64 = 0x1234_5678_9ABC_DEF0
        for _ in 0..<500 {
            var bytes: [UInt8] = []
            for _ in 0..<(Int(state >> 60) + 1) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(UInt8(truncatingIfNeeded: state >> 33) | (state >> 40 & 1 == 0 ? 0x80 : 0))
            }
            cases.append(bytes.filter { $0 != 0 && $0 != UInt8(ascii: "/") })
        }
        for bytes in cases {
            let name = FileSystemName.string(fromFileSystem: bytes)
            #expect(FileSystemName.bytes(of: name) == bytes, "\(bytes)")
            #expect(FileSystemName.displayName(name).unicodeScalars.allSatisfy { !FileSystemName.escapes.contains($0.value) })
        }
    }

    @Test func imageWithALatin1NameOpens() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("squint-latin1-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let contents = try Corpus.data("photos/rocket.jpg")
        let path = folder.path + "/" + FileSystemName.string(fromFileSystem: Self.latin1)
        try Self.create(contents, atRawPath: FileSystemName.bytes(of: path))

        #expect(try ImageLoader.read(path: path, name: "café") == contents)
        // The URL form every caller uses keeps the escapes too.
        let url = URL(fileURLWithPath: path)
        #expect(url.path == path)
        let bitmap = try ImageLoader.decode(data: ImageLoader.read(url: url), name: url.lastPathComponent, maxSize: PixelSize(width: 64, height: 64))
        #expect(bitmap.width == 64 || bitmap.height == 64)
        let status = try #require(FileReader.status(path: path))
        #expect(status.size == Int64(contents.count) && !status.isDirectory)
    }

    @Test func readFailuresAreNamed() {
        #expect(FileReader.read(path: "/nonexistent/x.jpg") == .failure(.missing))
        #expect(FileReader.read(path: "/tmp") == .failure(.directory))
        #expect(FileReader.read(path: "/etc/hostname", limit: 0).isTooLarge || FileReader.read(path: "/etc/hostname") == .success(Data()))
    }

    /// A FIFO named like an image would block a plain open until something writes to it.
    @Test func aFIFONamedLikeAnImageDoesNotHang() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("squint-fifo-\(UUID().uuidString.prefix(8)).jpg").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        #expect(FileReader.read(path: path) == .failure(.other("not a regular file")))
    }

    /// Creates a file whose path is exactly `bytes` (what a Latin-1 camera or share leaves on disk).
    static func create(_ data: Data, atRawPath bytes: [UInt8]) throws {
        let descriptor = (bytes.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer {
            open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(descriptor) }
        _ = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
}

extension Result where Success == Data, Failure == FileReader.Failure {
    var isTooLarge: Bool { if case .failure(.tooLarge) = self { true } else { false } }
}
