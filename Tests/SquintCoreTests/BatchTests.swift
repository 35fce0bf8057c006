import Foundation
@testable import GeminiAPI
import GeminiTestServer
import Imaging
import Testing
@testable import SquintCore

/// `squint batch`'s core: the concurrency rules, the plan (what is already answered), progress, and live runs
/// through the one pipeline.
@Suite("Batch")
struct BatchTests {
    typealias Instant = ContinuousClock.Instant

    // MARK: - ConcurrencyGovernor

    @Test("the governor never lets more than the ceiling start, and a finish frees a slot")
    func ceiling() {
        var governor = ConcurrencyGovernor(ceiling: 3)
        let now = ContinuousClock.now
        #expect((0..<3).map { _ in governor.requestSlot(at: now) } == [.start, .start, .start])
        #expect(governor.requestSlot(at: now) == .full)
        governor.finished(at: now)
        #expect(governor.requestSlot(at: now) == .start)
        #expect(governor.inFlight == 3)
    }

    @Test("--rpm: the next start waits until the oldest start of the minute is a minute old")
    func requestsPerMinute() {
        var governor = ConcurrencyGovernor(ceiling: 10, requestsPerMinute: 2)
        let t0 = ContinuousClock.now
        #expect(governor.requestSlot(at: t0) == .start)
        #expect(governor.requestSlot(at: t0 + .seconds(1)) == .start)
        governor.finished(at: t0 + .seconds(2))
        governor.finished(at: t0 + .seconds(2))
        #expect(governor.requestSlot(at: t0 + .seconds(3)) == .wait(until: t0 + .seconds(60)))
        #expect(governor.requestSlot(at: t0 + .seconds(60)) == .start)
    }

    @Test("a 429 halves the limit once per calm period, and successes after it raise it back to the ceiling")
    func backoff() {
        var governor = ConcurrencyGovernor(ceiling: 8)
        governor.calmPeriod = .seconds(10)
        let t0 = ContinuousClock.now
        #expect(governor.rateLimited(at: t0) == 4)
        #expect(governor.rateLimited(at: t0 + .seconds(1)) == nil, "a second 429 in the same overload counts once")
        #expect(governor.limit == 4)
        // During the calm period successes do not raise it.
        for _ in 0..<4 { _ = governor.requestSlot(at: t0 + .seconds(2)) }
        #expect(governor.requestSlot(at: t0 + .seconds(2)) == .full)
        for _ in 0..<4 { governor.finished(at: t0 + .seconds(3)) }
        #expect(governor.limit == 4)
        // After it, each run of `limit` successes adds one.
        var now = t0 + .seconds(11)
        while governor.limit < 8 {
            _ = governor.requestSlot(at: now)
            governor.finished(at: now)
            now += .milliseconds(10)
        }
        #expect(governor.limit == 8)
        _ = governor.requestSlot(at: now)
        governor.finished(at: now)
        #expect(governor.limit == 8, "never past the ceiling")
        // A 429 after the calm period halves again; the retry delay stretches the hold.
        #expect(governor.rateLimited(at: now, retryDelay: .seconds(30)) == 4)
        #expect(governor.rateLimited(at: now + .seconds(40)) == nil)
        #expect(governor.rateLimited(at: now + .seconds(61)) == 2)
        #expect(governor.rateLimited(at: now + .seconds(200)) == 1)
        #expect(governor.rateLimited(at: now + .seconds(400)) == nil, "one in flight is the floor")
    }

    // MARK: - Progress

    @Test("progress counts, rate, time left and tokens; the summary names skipped images")
    func progress() {
        var progress = BatchProgress(total: 4, skipped: 2, started: 100)
        #expect(progress.line(now: 100) == "0/4")
        progress.apply(.asking(path: "/a"))
        progress.apply(.asking(path: "/b"))
        progress.apply(.finished(.failed(path: "/a", failure: AskFailure(error: AskError.noImages, outcome: nil))))
        #expect(progress.line(now: 102) == "1/4 · 1 failed · 30/min · 6 s left · 1 asking")
        #expect(progress.summary(now: 110) == "4 images: 0 answered, 1 failed (2 skipped: already answered) · 10 s")
        #expect(BatchProgress.duration(185) == "3m 05s")
        #expect(BatchProgress.count(12_400) == "12.4k")
    }

    @Test("an image that fails before it is asked about leaves the asking count alone")
    func progressPreparationFailure() {
        var progress = BatchProgress(total: 3, started: 0)
        progress.apply(.asking(path: "/a"))
        progress.apply(.asking(path: "/b"))
        progress.apply(.finished(.failed(path: "/c", failure: AskFailure(error: AskError.noImages, outcome: nil))))
        #expect(progress.inFlight == 2)
        #expect(progress.line(now: 1).hasSuffix("2 asking"), "\(progress.line(now: 1))")
        progress.apply(.finished(.failed(path: "/a", failure: AskFailure(error: AskError.noImages, outcome: nil))))
        #expect(progress.inFlight == 1)
        #expect(progress.failed == 2)
    }

    // MARK: - Inputs and plan

    struct Fixture {
        let folder: URL
        let store: Store
        let images: [String]

        init(count: Int = 3) throws {
            folder = try TestPaths.temporaryDirectory()
            store = try Store(url: folder.appendingPathComponent("squint.db"))
            let source = try TestPaths.corpusFile("orientation/upright.png")
            let pictures = folder.appendingPathComponent("pictures")
            try FileManager.default.createDirectory(at: pictures.appendingPathComponent("sub"), withIntermediateDirectories: true)
            images = try (1...count).map { index in
                let path = pictures.appendingPathComponent("img\(index).png").path
                try FileManager.default.copyItem(atPath: source.path, toPath: path)
                return path
            }
            try FileManager.default.copyItem(atPath: source.path, toPath: pictures.appendingPathComponent("sub/deep.png").path)
            try Data("not an image".utf8).write(to: pictures.appendingPathComponent("notes.txt"))
        }

        var pictures: String { folder.appendingPathComponent("pictures").path }

        func pipeline(_ provider: any AnswerProvider) -> AskPipeline {
            AskPipeline(provider: provider, store: store, configuration: SquintConfiguration())
        }

        func plan(_ spec: BatchSpec, paths: [String]? = nil) async throws -> BatchPlan {
            try await BatchPlan.make(inputs: BatchInputs.collect(paths ?? [pictures]), spec: spec, store: store, configuration: SquintConfiguration())
        }
    }

    static let detect = BatchSpec(task: .detect, words: "cups", model: "gemini-2.5-flash", concurrency: 2)

    @Test("inputs: folders list their images in natural order (subfolders with recursive), files as named, each once")
    func inputs() throws {
        let fixture = try Fixture(count: 10)
        let flat = BatchInputs.collect([fixture.pictures, fixture.images[1], "/nope/missing.png"])
        #expect(flat.images.map { ($0 as NSString).lastPathComponent } == (1...10).map { "img\($0).png" })
        #expect(flat.problems == ["/nope/missing.png: no such file or folder"])
        let deep = BatchInputs.collect([fixture.pictures], recursive: true)
        #expect(deep.images.count == 11)
        #expect(deep.images.contains { $0.hasSuffix("sub/deep.png") })
    }

    @Test("inputs: a symbolic link up the tree is not followed round, and a folder reached twice lists its images once")
    func symlinkLoops() throws {
        let fixture = try Fixture()
        let names: Set<String> = ["img1.png", "img2.png", "img3.png", "deep.png"]
        let up = fixture.pictures + "/sub/up"
        try FileManager.default.createSymbolicLink(atPath: up, withDestinationPath: "..")
        let looped = BatchInputs.collect([fixture.pictures], recursive: true)
        #expect(looped.problems == [])
        #expect(looped.images.count == 4, "\(looped.images.count) images")
        #expect(Set(looped.images.map { ($0 as NSString).lastPathComponent }) == names)
        // Another path to the same folder (the two links together would branch at every level).
        try FileManager.default.removeItem(atPath: up)
        try FileManager.default.createSymbolicLink(atPath: fixture.pictures + "/again", withDestinationPath: "sub")
        let twice = BatchInputs.collect([fixture.pictures, fixture.pictures + "/sub"], recursive: true)
        #expect(twice.problems == [])
        #expect(twice.images.count == 4, "\(twice.images)")
        #expect(Set(twice.images.map { ($0 as NSString).lastPathComponent }) == names)
    }

    @Test("the plan skips images answered for the same task, prompt and model, and asks again when the file changed")
    func resumePlan() async throws {
        let fixture = try Fixture()
        let provider = PacedProvider(latency: .zero)
        _ = try await fixture.pipeline(provider).ask(Self.detect.question(for: fixture.images[0]))
        var plan = try await fixture.plan(Self.detect)
        #expect(plan.done == 1)
        #expect(plan.todo == Array(fixture.images.dropFirst()))
        // Other words, another model or --redo: all of them.
        var other = Self.detect
        other.words = "saucers"
        #expect(try await fixture.plan(other).todo.count == 3)
        other = Self.detect
        other.model = "gemini-2.5-pro"
        #expect(try await fixture.plan(other).todo.count == 3)
        other = Self.detect
        other.redo = true
        #expect(try await fixture.plan(other).todo.count == 3)
        // The file changed since: asked again.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: fixture.images[0]))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([0]))
        try handle.close()
        plan = try await fixture.plan(Self.detect)
        #expect(plan.todo.count == 3)
    }

    @Test("a failed attempt does not count as done; an image in an open Batch API job waits for it")
    func incompleteAndWaiting() async throws {
        let fixture = try Fixture()
        let provider = PacedProvider(latency: .zero)
        provider.failingRequests = [0]
        _ = try? await fixture.pipeline(provider).ask(Self.detect.question(for: fixture.images[0]))
        let prompt = AskPipeline.prompt(for: Self.detect.question(for: fixture.images[1]), configuration: SquintConfiguration()).prompt
        let job = try await fixture.store.recordBatchJob(spec: Self.detect, prompt: prompt, items: [
            BatchJobRecord.Item(key: "1", path: fixture.images[1], imageSize: PixelSize(width: 4, height: 4), estimatedTokens: 258),
        ])
        var plan = try await fixture.plan(Self.detect)
        #expect(plan.waiting == 1)
        #expect(plan.todo == [fixture.images[0], fixture.images[2]])
        try await fixture.store.closeBatchJob(id: job)
        plan = try await fixture.plan(Self.detect)
        #expect(plan.waiting == 0)
        #expect(plan.todo.count == 3)
    }

    @Test("the dry-run estimate follows the tile formula at the size sent")
    func estimate() async throws {
        let fixture = try Fixture()
        let plan = try await fixture.plan(Self.detect)
        let size = try #require(ImageHeader.uprightSize(path: fixture.images[0]))
        let sent = SpatialImagePlan.sentSize(for: size, maxSide: 1024)
        let text = (plan.prompt.utf8.count + 3) / 4
        #expect(plan.estimate(maxSide: 1024).tokens == 3 * (ImageTokenEstimate.tokens(width: sent.width, height: sent.height) + text))
    }

    // MARK: - Live runs

    static func collect(_ batch: LiveBatch, _ paths: [String], spec: BatchSpec, onEvent: @escaping @Sendable (BatchEvent) -> Void = { _ in })
        async -> [BatchEvent]
    {
        let events = LockedEvents()
        await batch.run(paths, spec: spec) { event in
            events.append(event)
            onEvent(event)
        }
        return events.all
    }

    final class LockedEvents: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [BatchEvent] = []
        func append(_ event: BatchEvent) { lock.withLock { events.append(event) } }
        var all: [BatchEvent] { lock.withLock { events } }
    }

    @Test("a live batch never has more than --concurrency requests in flight, and stores every answer as detect would")
    func concurrencyBound() async throws {
        let fixture = try Fixture(count: 12)
        let provider = PacedProvider(latency: .milliseconds(40))
        var spec = Self.detect
        spec.concurrency = 3
        let events = await Self.collect(LiveBatch(pipeline: fixture.pipeline(provider)), fixture.images, spec: spec)
        #expect(provider.maxInFlight == 3)
        #expect(provider.started == 12)
        #expect(events.filter { if case .finished(let result) = $0 { result.isAnswered } else { false } }.count == 12)
        // Stored exactly as `squint detect` stores: a second plan finds them all done, with their boxes current.
        #expect(try await fixture.plan(Self.detect).todo.isEmpty)
        #expect(try await fixture.store.currentDetections(imagePath: fixture.images[5]).map(\.detection.label) == ["cup"])
    }

    @Test("a broken image and a failed request are one failure each; the rest are answered")
    func failures() async throws {
        let fixture = try Fixture(count: 5)
        try Data("\u{89}PNG\r\n\u{1A}\nbroken".utf8).write(to: URL(fileURLWithPath: fixture.images[1]))
        let provider = PacedProvider(latency: .milliseconds(5))
        provider.failingRequests = [2]
        var spec = Self.detect
        spec.concurrency = 1
        let events = await Self.collect(LiveBatch(pipeline: fixture.pipeline(provider)), fixture.images, spec: spec)
        let failed = events.compactMap { event -> String? in
            if case .finished(.failed(let path, _)) = event { return path }
            return nil
        }
        #expect(failed.count == 2)
        #expect(failed.contains(fixture.images[1]))
        #expect(provider.started == 4, "the broken image never reached the network")
        let plan = try await fixture.plan(Self.detect)
        #expect(plan.todo.count == 2, "the next run asks about the two failures only")
    }

    @Test("a 429 lowers the concurrency: no new request starts while as many as the lowered limit are in flight")
    func rateLimitLowers() async throws {
        let fixture = try Fixture(count: 16)
        let provider = PacedProvider(latency: .milliseconds(30))
        provider.rateLimitedRequests = [0]
        var spec = Self.detect
        spec.concurrency = 4
        let events = await Self.collect(LiveBatch(pipeline: fixture.pipeline(provider)), fixture.images, spec: spec) { event in
            if case .concurrencyLowered = event { provider.markLowered() }
        }
        let lowered = events.compactMap { event -> Int? in
            if case .concurrencyLowered(let limit) = event { return limit }
            return nil
        }
        #expect(lowered == [2])
        #expect(!provider.inFlightAfterLowering.isEmpty)
        #expect(provider.inFlightAfterLowering.allSatisfy { $0 <= 2 }, "\(provider.inFlightAfterLowering)")
        #expect(provider.started == 16)
    }

    @Test("stopping a run keeps what finished and starts nothing more")
    func cancel() async throws {
        let fixture = try Fixture(count: 20)
        let provider = PacedProvider(latency: .milliseconds(30))
        var spec = Self.detect
        spec.concurrency = 2
        let run = LiveBatch(pipeline: fixture.pipeline(provider)).start(try await fixture.plan(spec))
        var answered = 0
        for await event in run.events {
            if case .finished(let result) = event, result.isAnswered {
                answered += 1
                if answered == 4 { run.cancel() }
            }
        }
        let startedAtStop = provider.started
        try await Task.sleep(for: .milliseconds(100))
        #expect(provider.started == startedAtStop)
        #expect(startedAtStop < 20)
        let plan = try await fixture.plan(Self.detect)
        #expect(plan.done >= 4)
        #expect(plan.done + plan.todo.count == 20)
    }
}

/// `BatchJobs` against the fake server's Batch API: how requests are split into jobs, and which images travel
/// inline or by upload.
@Suite("BatchJobs")
struct BatchJobsTests {
    @Test("requests past the job size limit make several jobs; large images go up through the Files API once")
    func splitAndUpload() async throws {
        let server = try await FakeGeminiServer.start(apiKey: "k")
        defer { Task { try? await server.stop() } }
        server.setDefault(.answer(#"[{"box_2d": [100, 200, 500, 600], "label": "cup"}]"#), for: .generateContent)
        let fixture = try BatchTests.Fixture(count: 5)
        let client = GeminiClient(configuration: GeminiConfiguration(apiKey: "k", baseURL: server.baseURL, retryPolicy: RetryPolicy(maxAttempts: 1)),
                                  environment: [:])
        var jobs = BatchJobs(service: client, pipeline: fixture.pipeline(client))
        jobs.inlineImageLimit = 100  // every image is uploaded
        jobs.preparers = 1  // the copies share bytes: one at a time, so the second finds the first's upload cached
        let plan = try await fixture.plan(BatchTests.detect)
        let whole = try await jobs.jsonl(for: plan) { _ in }
        #expect(whole.count == 1, "one job at the default limit")
        let lineSize = try #require(whole.first?.bytes.split(separator: 0x0A).map(\.count).max())
        jobs.jobByteLimit = 2 * (lineSize + 1) + lineSize / 2
        let records = try await jobs.submit(plan) { _ in }
        #expect(records.count == 3, "5 small lines at 2 a job")
        #expect(server.batches.map(\.requests.count) == [2, 2, 1])
        // The five copies have the same bytes: uploaded once, named by URI in every line.
        #expect(server.requests(for: .uploadStart).count == 1 + 3, "one image upload and one JSONL file per job")
        let firstLine = try #require(server.batches.first?.requests.first?.body?.compact)
        #expect(firstLine.contains("fileData") && !firstLine.contains("inlineData"))

        let results = BatchTests.LockedEvents()
        try await jobs.wait(for: records, pollInterval: .milliseconds(5)) { event in
            if case .finished(let result) = event { results.append(.finished(result)) }
        }
        #expect(results.all.count == 5)
        #expect(try await fixture.plan(BatchTests.detect).todo.isEmpty)
        #expect(try await fixture.store.batchJobs(openOnly: true).isEmpty)
        try? await client.shutdown()
    }

    @Test("the JSONL keeps order and never leaves a line out, even one larger than the limit; each part is its lines")
    func split() {
        var jsonl = BatchJSONL(byteLimit: 22)
        let lines = [10, 10, 30, 5, 5, 5].enumerated().map { index, size in
            (BatchJobRecord.Item(key: "\(index)", path: "/\(index)", imageSize: PixelSize(width: 1, height: 1), estimatedTokens: 0),
             Data(repeating: UInt8(ascii: "a") + UInt8(index), count: size))
        }
        for (item, line) in lines { jsonl.append(line, item: item) }
        #expect(jsonl.parts.map { $0.items.map(\.key) } == [["0", "1"], ["2"], ["3", "4", "5"]])
        #expect(jsonl.parts.map(\.bytes) == [[0, 1], [2], [3, 4, 5]].map { keys in keys.flatMap { [UInt8](lines[$0].1) + [0x0A] } })
    }

    @Test("the lines are in the plan's order whichever image is prepared first; one that fails leaves no gap")
    func order() async throws {
        let server = try await FakeGeminiServer.start(apiKey: "k")
        defer { Task { try? await server.stop() } }
        let fixture = try BatchTests.Fixture(count: 9)
        try Data("\u{89}PNG\r\n\u{1A}\nbroken".utf8).write(to: URL(fileURLWithPath: fixture.images[4]))
        let client = GeminiClient(configuration: GeminiConfiguration(apiKey: "k", baseURL: server.baseURL, retryPolicy: RetryPolicy(maxAttempts: 1)),
                                  environment: [:])
        var jobs = BatchJobs(service: client, pipeline: fixture.pipeline(client))
        jobs.preparers = 3
        let failed = BatchTests.LockedEvents()
        let parts = try await jobs.jsonl(for: try await fixture.plan(BatchTests.detect)) { event in
            if case .finished(let result) = event { failed.append(.finished(result)) }
        }
        #expect(parts.count == 1)
        #expect(parts.first?.items.map(\.key) == ["1", "2", "3", "4", "6", "7", "8", "9"])
        let keys = try #require(parts.first?.bytes).split(separator: 0x0A).map { line in
            (try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])?["key"] as? String
        }
        #expect(keys == ["1", "2", "3", "4", "6", "7", "8", "9"])
        #expect(failed.all.count == 1)
        try? await client.shutdown()
    }
}
