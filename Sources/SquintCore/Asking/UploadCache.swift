import Crypto
import Foundation

/// Remembers Files API uploads by content, so asking again about the same big image within its 48 hours does not
/// upload it again. The key is the bytes' SHA-256 plus the MIME type (the same bytes sent as another type are a
/// different file to the service).
public protocol UploadCache: Sendable {
    func lookup(_ key: UploadCacheKey) async throws -> CachedUpload?
    func store(_ upload: CachedUpload, for key: UploadCacheKey) async throws
    /// Forgets an upload by its file name (`files/abc`), e.g. after `squint files delete`.
    func remove(fileName: String) async throws
}

public struct UploadCacheKey: Sendable, Hashable {
    /// Lowercase hex SHA-256 of the bytes.
    public var sha256: String
    public var mimeType: String

    public init(sha256: String, mimeType: String) {
        self.sha256 = sha256
        self.mimeType = mimeType
    }

    public init(bytes: [UInt8], mimeType: String) {
        self.init(sha256: SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined(), mimeType: mimeType)
    }
}

public struct CachedUpload: Sendable, Equatable {
    /// `files/abc`.
    public var fileName: String
    /// What `fileData.fileUri` must carry.
    public var fileURI: String
    public var mimeType: String
    /// When the service deletes the upload (48 hours after it was made).
    public var expirationTime: Date

    public init(fileName: String, fileURI: String, mimeType: String, expirationTime: Date) {
        self.fileName = fileName
        self.fileURI = fileURI
        self.mimeType = mimeType
        self.expirationTime = expirationTime
    }

    /// False when the upload expires within `margin`: a long answer must not outlive its image.
    public func isUsable(at now: Date, margin: TimeInterval = 3600) -> Bool {
        expirationTime.timeIntervalSince(now) > margin
    }
}

/// The process-lifetime cache; the store's SQLite cache keeps uploads across runs.
public actor InMemoryUploadCache: UploadCache {
    private var entries: [UploadCacheKey: CachedUpload] = [:]

    public init() {}

    public func lookup(_ key: UploadCacheKey) -> CachedUpload? { entries[key] }
    public func store(_ upload: CachedUpload, for key: UploadCacheKey) { entries[key] = upload }
    public func remove(fileName: String) { entries = entries.filter { $0.value.fileName != fileName } }
}
