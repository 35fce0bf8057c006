import Foundation
import GRDB

/// The Files API upload cache kept in the store, so a second question about the same large image — even from
/// another run of squint — sends no image bytes while the upload lives (48 hours).
///
/// Expired entries are never returned (and are deleted when met); the planner additionally refuses entries
/// that expire within its safety margin. Call `remove(fileName:)` when the service says a file is gone.
public struct StoreUploadCache: UploadCache {
    let store: Store
    let now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
    }

    public func lookup(_ key: UploadCacheKey) async throws -> CachedUpload? {
        let now = now()
        return try await store.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM uploads WHERE sha256 = ? AND mimeType = ?",
                                             arguments: [key.sha256, key.mimeType]) else { return nil }
            let expires = Date(timeIntervalSince1970: row["expiresAt"] as Double? ?? 0)
            guard expires > now else {
                try db.execute(sql: "DELETE FROM uploads WHERE sha256 = ? AND mimeType = ?", arguments: [key.sha256, key.mimeType])
                return nil
            }
            return CachedUpload(fileName: row["name"], fileURI: row["uri"], mimeType: row["mimeType"], expirationTime: expires)
        }
    }

    public func store(_ upload: CachedUpload, for key: UploadCacheKey) async throws {
        let created = now().timeIntervalSince1970
        try await store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO uploads (sha256, mimeType, name, uri, expiresAt, createdAt) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(sha256, mimeType) DO UPDATE SET name = excluded.name, uri = excluded.uri,
                        expiresAt = excluded.expiresAt, createdAt = excluded.createdAt
                    """,
                arguments: [key.sha256, key.mimeType, upload.fileName, upload.fileURI, upload.expirationTime.timeIntervalSince1970, created])
        }
    }

    public func remove(fileName: String) async throws {
        try await store.write { db in
            try db.execute(sql: "DELETE FROM uploads WHERE name = ?", arguments: [fileName])
        }
    }
}
