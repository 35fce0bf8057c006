import Crypto
import Foundation

/// Size, modification time and SHA-256 of a file, read in chunks so large photos never sit in memory twice.
struct FileFingerprint: Sendable, Equatable {
    var byteSize: Int64
    var modified: Date
    var sha256: String

    init(path: String) throws(StoreError) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let handle = FileHandle(forReadingAtPath: path) else { throw .unreadableImage(path) }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch { throw .unreadableImage(path) }
            // Foundation returns nil or empty data at the end of the file.
            guard let chunk, !chunk.isEmpty else { break }
            hasher.update(data: chunk)
        }
        byteSize = (attributes[.size] as? NSNumber)?.int64Value ?? (attributes[.size] as? UInt64).map { Int64($0) } ?? 0
        modified = attributes[.modificationDate] as? Date ?? Date(timeIntervalSince1970: 0)
        sha256 = Self.hex(hasher.finalize())
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    static func sha256(of bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }
}
