import Foundation
import Testing
import Imaging
@testable import SquintCore

/// A Files API that records uploads and answers PROCESSING a set number of times.
actor RecordingUploader: FileUploading {
    var uploads: [(bytes: Int, mimeType: String, displayName: String)] = []
    var polls = 0
    let processingPolls: Int
    let finalState: UploadedFile.State

    init(processingPolls: Int = 0, finalState: UploadedFile.State = .active) {
        self.processingPolls = processingPolls
        self.finalState = finalState
    }

    func upload(_ bytes: [UInt8], mimeType: String, displayName: String) -> UploadedFile {
        uploads.append((bytes.count, mimeType, displayName))
        return file(uploads.count, mimeType: mimeType, state: processingPolls > 0 ? .processing : finalState)
    }

    func file(named name: String) -> UploadedFile {
        polls += 1
        let id = Int(name.dropFirst("files/f".count)) ?? 0
        return file(id, mimeType: "image/png", state: polls >= processingPolls ? finalState : .processing)
    }

    private func file(_ id: Int, mimeType: String, state: UploadedFile.State) -> UploadedFile {
        UploadedFile(name: "files/f\(id)", uri: "https://example.test/v1beta/files/f\(id)", mimeType: mimeType,
                     state: state, expirationTime: Date().addingTimeInterval(48 * 3600))
    }
}

/// Progress reports collected from the planner's callback.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [RequestPlanner.Progress] = []
    func append(_ progress: RequestPlanner.Progress) { lock.lock(); stored.append(progress); lock.unlock() }
    var entries: [RequestPlanner.Progress] { lock.lock(); defer { lock.unlock() }; return stored }
}

enum AskFixtures {
    static let pngHeader: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    static let jpegHeader: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0]

    static func png(size: Int, name: String = "a.png", fill: UInt8 = 0) throws -> AskImage {
        try AskImage(bytes: pngHeader + [UInt8](repeating: fill, count: max(0, size - pngHeader.count)), name: name)
    }
}

@Suite struct AskingPlannerTests {
    func planner(_ uploader: RecordingUploader, cache: any UploadCache = InMemoryUploadCache(), limit: Int = 10_000) -> RequestPlanner {
        RequestPlanner(uploader: uploader, cache: cache, inlineLimit: limit, pollInterval: .milliseconds(1), maxPolls: 5)
    }

    @Test func smallImagesGoInlineBeforeTheText() async throws {
        let uploader = RecordingUploader()
        let jpeg = try AskImage(bytes: AskFixtures.jpegHeader + [1, 2, 3], name: "b.jpg")
        let ask = Ask(images: [try AskFixtures.png(size: 100), jpeg], question: "What is it?",
                      options: AskOptions(model: "gemini-2.5-flash", systemInstruction: "Be brief", temperature: 0.3))
        let plan = try await planner(uploader).plan(ask)
        #expect(plan.parts.count == 3)
        guard case .inline("image/png", let first) = plan.parts[0], case .inline("image/jpeg", _) = plan.parts[1],
              case .text("What is it?") = plan.parts[2] else {
            Issue.record("unexpected parts \(plan.parts)")
            return
        }
        #expect(first.count == 100)
        #expect(plan.options.systemInstruction == "Be brief")
        #expect(plan.options.temperature == 0.3)
        #expect(plan.model == "gemini-2.5-flash")
        #expect(await uploader.uploads.isEmpty)
    }

    /// 7,000 raw bytes are 9,336 in base64: under a 10,000-byte limit raw, over it once encoded.
    @Test func base64GrowthCountsTowardsTheLimit() async throws {
        let uploader = RecordingUploader()
        let plan = try await planner(uploader, limit: 10_000)
            .plan(Ask(images: [try AskFixtures.png(size: 7_000)], question: "q", options: AskOptions(model: "m")))
        guard case .file("image/png", let uri) = plan.parts[0] else {
            Issue.record("expected an upload, got \(plan.parts[0])")
            return
        }
        #expect(uri == "https://example.test/v1beta/files/f1")
        #expect(plan.uploadedFiles == ["files/f1"])
        #expect(plan.estimatedBytes < 10_000)
        let uploads = await uploader.uploads
        #expect(uploads.count == 1)
        #expect(uploads.first?.displayName == "a.png")
    }

    @Test func onlyTheLargestImagesAreUploaded() async throws {
        let uploader = RecordingUploader()
        let images = [try AskFixtures.png(size: 1_000, name: "small.png"), try AskFixtures.png(size: 6_000, name: "big.png"),
                      try AskFixtures.png(size: 2_000, name: "mid.png")]
        let plan = try await planner(uploader, limit: 6_000).plan(Ask(images: images, question: "q", options: AskOptions(model: "m")))
        let kinds = plan.parts.map { part -> String in
            switch part {
            case .inline: "inline"
            case .file: "file"
            case .url: "url"
            case .text: "text"
            }
        }
        #expect(kinds == ["inline", "file", "inline", "text"])
        #expect(await uploader.uploads.map(\.displayName) == ["big.png"])
    }

    @Test func anImageGeminiFetchesIsSentByURLNeverUploadedAndCostsOnlyItsURL() async throws {
        let uploader = RecordingUploader()
        let remote = RemoteImage(url: "https://example.com/cat.jpg", mimeType: "image/jpeg", uprightSize: PixelSize(width: 4000, height: 3000),
                                 byteSize: 90_000_000, contentHash: "abc")
        let images = [AskImage(remote: remote), try AskFixtures.png(size: 6_000, name: "big.png")]
        let plan = try await planner(uploader, limit: 6_000).plan(Ask(images: images, question: "q", options: AskOptions(model: "m")))
        #expect(plan.parts.first == PlannedRequest.Part.url(mimeType: "image/jpeg", url: "https://example.com/cat.jpg"))
        #expect(plan.uploadedFiles.count == 1, "only the local image is moved to the Files API")
        #expect(await uploader.uploads.map(\.displayName) == ["big.png"])
        let body = try JSONEncoder().encode(plan.generateContentRequest)
        let json = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        let parts = try #require(((json["contents"] as? [[String: Any]])?.first?["parts"]) as? [[String: Any]])
        let fileData = try #require(parts.first?["fileData"] as? [String: Any])
        #expect(fileData["fileUri"] as? String == "https://example.com/cat.jpg")
        #expect(fileData["mimeType"] as? String == "image/jpeg")
    }

    @Test func theCacheSavesASecondUpload() async throws {
        let uploader = RecordingUploader()
        let cache = InMemoryUploadCache()
        let ask = Ask(images: [try AskFixtures.png(size: 9_000)], question: "q", options: AskOptions(model: "m"))
        let first = try await planner(uploader, cache: cache).plan(ask)
        let seen = ProgressLog()
        var reporting = planner(uploader, cache: cache)
        reporting.progress = { seen.append($0) }
        let second = try await reporting.plan(ask)
        #expect(seen.entries == [.reusing(name: "a.png", file: "files/f1")])
        #expect(first.parts == second.parts)
        #expect(await uploader.uploads.count == 1)
        let other = Ask(images: [try AskFixtures.png(size: 9_000, fill: 7)], question: "q", options: AskOptions(model: "m"))
        _ = try await planner(uploader, cache: cache).plan(other)
        #expect(await uploader.uploads.count == 2)
    }

    @Test func anExpiringCacheEntryIsNotUsed() async throws {
        let uploader = RecordingUploader()
        let cache = InMemoryUploadCache()
        let image = try AskFixtures.png(size: 9_000)
        await cache.store(CachedUpload(fileName: "files/old", fileURI: "u", mimeType: "image/png",
                                       expirationTime: Date().addingTimeInterval(60)),
                          for: UploadCacheKey(bytes: image.bytes, mimeType: "image/png"))
        let plan = try await planner(uploader, cache: cache).plan(Ask(images: [image], question: "q", options: AskOptions(model: "m")))
        #expect(plan.uploadedFiles == ["files/f1"])
        await cache.remove(fileName: "files/f1")
        #expect(await cache.lookup(UploadCacheKey(bytes: image.bytes, mimeType: "image/png")) == nil)
    }

    @Test func waitsWhileProcessingAndFailsOnFailed() async throws {
        let slow = RecordingUploader(processingPolls: 3)
        let ask = Ask(images: [try AskFixtures.png(size: 9_000)], question: "q", options: AskOptions(model: "m"))
        let seen = ProgressLog()
        var reporting = planner(slow)
        reporting.progress = { seen.append($0) }
        _ = try await reporting.plan(ask)
        #expect(seen.entries == [.uploading(name: "a.png", bytes: 9_000), .waitingForProcessing(name: "a.png", file: "files/f1")])
        #expect(await slow.polls == 3)

        let failing = RecordingUploader(processingPolls: 1, finalState: .failed)
        let error = try await #require(throws: AskError.self) { try await planner(failing).plan(ask) }
        #expect(error.description.contains("FAILED"))
        #expect(error.category == .refused)

        let stuck = RecordingUploader(processingPolls: 100)
        let timeout = try await #require(throws: AskError.self) { try await planner(stuck).plan(ask) }
        #expect(timeout.category == .unavailable)
    }

    @Test func emptyQuestionAndNoImagesAreUsageErrors() async throws {
        let uploader = RecordingUploader()
        let empty = try await #require(throws: AskError.self) {
            try await planner(uploader).plan(Ask(images: [try AskFixtures.png(size: 10)], question: "  ", options: AskOptions(model: "m")))
        }
        #expect(empty.isUsageError)
        await #expect(throws: AskError.self) {
            try await planner(uploader).plan(Ask(images: [], question: "q", options: AskOptions(model: "m")))
        }
    }

    @Test func cacheKeyIsTheSHA256() {
        let key = UploadCacheKey(bytes: Array("abc".utf8), mimeType: "image/png")
        #expect(key.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
