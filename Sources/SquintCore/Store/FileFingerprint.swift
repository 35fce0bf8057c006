import Crypto
import Foundation
import Imaging
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Size, modification time and SHA-256 of a file, read in chunks so large photos never sit in memory twice.
struct FileFingerprint: Sendable, Equatable {
    var byteSize: Int64
    var modified: Date
    var sha256: String

    /// `path` may carry `FileSystemName` escapes (a name that is not UTF-8): it is opened by its bytes.
    init(path: String) throws(StoreError) {
        let descriptor = FileSystemName.withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0, let status = FileReader.status(path: path) else {
            if descriptor >= 0 { close(descriptor) }
            throw .unreadableImage(path)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch { throw .unreadableImage(path) }
            // Foundation returns nil or empty data at the end of the file.
            guard let chunk, !chunk.isEmpty else { break }
            hasher.update(data: chunk)
        }
        byteSize = status.size
        modified = status.modified
        sha256 = Self.hex(hasher.finalize())
    }

    /// An image Gemini fetched by URL: the hash and size its first bytes gave, or (unknown) the URL's own hash.
    init(remote: RemoteImage?, url: String, at time: Date = Date()) {
        byteSize = remote?.byteSize ?? 0
        modified = time
        sha256 = remote?.contentHash ?? Self.sha256(of: Array(url.utf8))
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    static func sha256(of bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }
}
