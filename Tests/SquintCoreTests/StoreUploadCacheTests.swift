import Foundation
import Testing
@testable import SquintCore

@Suite("Upload cache in the store")
struct StoreUploadCacheTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    func makeCache(now: Date = start) throws -> (StoreUploadCache, URL) {
        let url = try TestPaths.temporaryDirectory().appendingPathComponent("squint.db")
        return (StoreUploadCache(store: try Store(url: url), now: { now }), url)
    }

    @Test("an upload is found again by content and MIME type, across reopening the database")
    func roundTrip() async throws {
        let (cache, url) = try makeCache()
        let key = UploadCacheKey(bytes: [1, 2, 3], mimeType: "image/png")
        let upload = CachedUpload(fileName: "files/abc", fileURI: "https://x/v1beta/files/abc", mimeType: "image/png",
                                  expirationTime: Self.start.addingTimeInterval(48 * 3600))
        try await cache.store(upload, for: key)
        #expect(try await cache.lookup(key) == upload)
        #expect(try await cache.lookup(UploadCacheKey(bytes: [1, 2, 3], mimeType: "image/jpeg")) == nil)
        let reopened = StoreUploadCache(store: try Store(url: url), now: { Self.start })
        #expect(try await reopened.lookup(key) == upload)
    }

    @Test("expired uploads are forgotten; removed files are gone")
    func expiryAndRemoval() async throws {
        let (cache, url) = try makeCache()
        let key = UploadCacheKey(sha256: "aa", mimeType: "image/png")
        try await cache.store(CachedUpload(fileName: "files/old", fileURI: "u", mimeType: "image/png",
                                           expirationTime: Self.start.addingTimeInterval(60)), for: key)
        let later = StoreUploadCache(store: try Store(url: url), now: { Self.start.addingTimeInterval(120) })
        #expect(try await later.lookup(key) == nil)
        try await cache.store(CachedUpload(fileName: "files/new", fileURI: "u2", mimeType: "image/png",
                                           expirationTime: Self.start.addingTimeInterval(3 * 3600)), for: key)
        #expect(try await cache.lookup(key)?.fileName == "files/new")
        try await cache.remove(fileName: "files/new")
        #expect(try await cache.lookup(key) == nil)
    }

    @Test("the planner reuses a stored upload: a second question sends no image bytes")
    func plannerReuse() async throws {
        let (cache, _) = try makeCache(now: Date())
        let uploader = CountingUploader()
        let planner = RequestPlanner(uploader: uploader, cache: cache, inlineLimit: 100)
        let image = try AskImage(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 7, count: 500), name: "big.png")
        let ask = Ask(images: [image], question: "What is it?", options: AskOptions(model: "gemini-2.5-flash"))
        let first = try await planner.plan(ask)
        let second = try await planner.plan(ask)
        #expect(uploader.count == 1)
        #expect(first.parts == second.parts)
        #expect(second.parts.allSatisfy { if case .inline = $0 { return false } else { return true } })
    }
}

/// A Files API stand-in that counts uploads.
final class CountingUploader: FileUploading, @unchecked Sendable {
    private let lock = NSLock()
    private var uploads = 0
    var count: Int { lock.withLock { uploads } }

    func upload(_ bytes: [UInt8], mimeType: String, displayName: String) async throws -> UploadedFile {
        let number = lock.withLock { uploads += 1; return uploads }
        return UploadedFile(name: "files/f\(number)", uri: "https://fake/v1beta/files/f\(number)", mimeType: mimeType,
                            state: .active, expirationTime: Date().addingTimeInterval(48 * 3600))
    }

    func file(named name: String) async throws -> UploadedFile {
        UploadedFile(name: name, uri: "https://fake/v1beta/\(name)", mimeType: "image/png", state: .active, expirationTime: nil)
    }
}
