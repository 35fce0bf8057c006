import Foundation
import GeminiAPI
import GeminiTestServer
import Testing

@Suite("Files API against the fake server")
struct FilesIntegrationTests {
    static func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    }

    @Test("a 9 MiB upload in two chunks, the first answer missing its status header")
    func resumableUpload() async throws {
        try await Harness.run { h in
            h.server.omitUploadStatus(onChunkResponses: [1])
            let data = Self.bytes(9 << 20)
            let file = try await h.client.uploadFile(bytes: data, mimeType: "image/png", displayName: "big.png")
            #expect(file.name.hasPrefix("files/"))
            #expect(file.sizeBytes == Int64(data.count))
            let stored = try #require(h.server.files.first { $0.name == file.name })
            #expect(stored.bytes == data)
            #expect(stored.displayName == "big.png")
            let chunks = h.server.requests(for: .uploadChunk)
            #expect(chunks.map { $0.header("X-Goog-Upload-Command") } == ["upload", "upload", "upload, finalize"])
            #expect(chunks.map { $0.header("X-Goog-Upload-Offset") } == ["0", "0", String(8 << 20)])
            let start = try #require(h.server.requests(for: .uploadStart).first)
            #expect(start.header("X-Goog-Upload-Protocol") == "resumable")
            #expect(start.header("X-Goog-Upload-Header-Content-Length") == String(data.count))
            #expect(start.header("X-Goog-Upload-Header-Content-Type") == "image/png")
        }
    }

    @Test("an upload URL naming Google's host is moved to the configured base URL")
    func uploadURLRewritten() async throws {
        try await Harness.run { h in
            h.server.setUploadURLBase("https://generativelanguage.googleapis.com")
            let file = try await h.client.uploadFile(bytes: Self.bytes(1000), mimeType: "image/jpeg")
            #expect(file.mimeType == "image/jpeg")
            #expect(h.server.requests(for: .uploadChunk).count == 1)
        }
    }

    @Test("a file PROCESSING, then ACTIVE")
    func processingThenActive() async throws {
        try await Harness.run { h in
            h.server.setFileProcessing(polls: 2)
            let file = try await h.client.uploadFile(bytes: Self.bytes(100), mimeType: "video/mp4")
            #expect(file.state == .processing)
            let active = try await h.client.waitUntilActive(name: file.name, pollInterval: .seconds(3))
            #expect(active.state == .active)
            #expect(h.sleeps.recorded == [.seconds(3), .seconds(3)])
            #expect(h.server.requests(for: .getFile).count == 3)
        }
    }

    @Test("a file that FAILED processing is a clear error")
    func processingFailed() async throws {
        try await Harness.run { h in
            h.server.setFileProcessing(polls: 1, then: .failed)
            let file = try await h.client.uploadFile(bytes: Self.bytes(100), mimeType: "image/png")
            let error = try #require(await Harness.failure { () async throws(GeminiError) in try await h.client.waitUntilActive(name: file.name) })
            #expect(error.description.hasPrefix("file \(file.name) failed processing"))
            #expect(error.category == .refused)
        }
    }

    @Test("list, get and delete")
    func listGetDelete() async throws {
        try await Harness.run { h in
            let seeded = h.server.seedFile(displayName: "a.png")
            h.server.seedFile(displayName: "b.png")
            let files = try await h.client.allFiles()
            #expect(Set(files.map(\.name)).isSuperset(of: [seeded.name]))
            #expect(files.count == 2)
            let fetched = try await h.client.getFile(name: seeded.name)
            #expect(fetched.displayName == "a.png" && fetched.uri == seeded.uri)
            try await h.client.deleteFile(name: seeded.name)
            #expect(try await h.client.allFiles().count == 1)
            let error = try #require(await Harness.failure { () async throws(GeminiError) in try await h.client.getFile(name: seeded.name) })
            // Like the service: 403 "you do not have permission ... or it may not exist" for a deleted file.
            #expect([403, 404].contains(error.httpStatus ?? 0))
            #expect(error.category == .refused)
        }
    }
}

@Suite("Upload failures against the fake server")
struct UploadFailureTests {
    @Test("a chunk answered 503: the client asks where the upload stands, then resends")
    func chunkServerError() async throws {
        try await Harness.run { h in
            h.server.enqueue(.serverError(503), for: .uploadChunk)
            let data = FilesIntegrationTests.bytes(1000)
            let file = try await h.client.uploadFile(bytes: data, mimeType: "image/png")
            #expect(h.server.files.first { $0.name == file.name }?.bytes == data)
            let commands = h.server.requests(for: .uploadChunk).map { $0.header("X-Goog-Upload-Command") ?? "" }
            #expect(commands == ["upload, finalize", "query", "upload, finalize"])
            #expect(h.sleeps.recorded.count == 1)
        }
    }

    @Test("a plain-text refusal from the upload backend is reported as such")
    func plainTextRefusal() async throws {
        try await Harness.run { h in
            h.server.enqueue(.text("Upload rejected: file too large.", status: 413), for: .uploadChunk)
            let error = try #require(
                await Harness.failure { () async throws(GeminiError) in
                    try await h.client.uploadFile(bytes: FilesIntegrationTests.bytes(10), mimeType: "image/png")
                })
            #expect(error.httpStatus == 413)
            #expect(error.description == "HTTP 413 Payload Too Large: Upload rejected: file too large.")
            #expect(error.category == .refused)
        }
    }
}
