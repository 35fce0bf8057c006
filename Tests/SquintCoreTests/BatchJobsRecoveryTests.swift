import Foundation
@testable import GeminiAPI
import GeminiTestServer
import Testing
@testable import SquintCore

/// `BatchJobs` when things go wrong between submitting and storing: another process (with another config)
/// resumes, the ingest is cut short, the store refuses a write after the service accepted the job.
@Suite("BatchJobs recovery")
struct BatchJobsRecoveryTests {
    /// A fake server answering every request with one box, a client that does not retry, and `count` images.
    static func with(images count: Int, _ body: (FakeGeminiServer, GeminiClient, BatchTests.Fixture) async throws -> Void) async throws {
        let server = try await FakeGeminiServer.start(apiKey: "k")
        server.setDefault(.answer(#"[{"box_2d": [100, 200, 500, 600], "label": "cup"}]"#), for: .generateContent)
        server.batchPollsUntilDone = 1
        let client = GeminiClient(configuration: GeminiConfiguration(apiKey: "k", baseURL: server.baseURL, retryPolicy: RetryPolicy(maxAttempts: 1)),
                                  environment: [:])
        let fixture = try BatchTests.Fixture(count: count)
        do {
            try await body(server, client, fixture)
        } catch {
            try? await client.shutdown()
            try? await server.stop()
            throw error
        }
        try await client.shutdown()
        try await server.stop()
    }

    /// Runs SQL on the fixture's store: triggers that make a write fail stand in for a crash or a full disk.
    static func execute(_ sql: String, on store: Store) async throws {
        try await store.write { db in try db.execute(sql: sql) }
    }

    @Test("resume stores each answer under the prompt the job sent, whatever the resuming process's config says")
    func sentPrompt() async throws {
        try await Self.with(images: 2) { _, client, fixture in
            let plan = try await fixture.plan(BatchTests.detect)
            let records = try await BatchJobs(service: client, pipeline: fixture.pipeline(client)).submit(plan) { _ in }
            // Another process whose config limits detect to a class list: its prompt for the same question differs.
            var configuration = SquintConfiguration()
            configuration.classes = ["saucer"]
            #expect(AskPipeline.prompt(for: BatchTests.detect.question(for: fixture.images[0]), configuration: configuration).prompt != plan.prompt)
            let resuming = BatchJobs(service: client, pipeline: AskPipeline(provider: client, store: fixture.store, configuration: configuration))
            try await resuming.wait(for: records, pollInterval: .milliseconds(5)) { _ in }
            for image in fixture.images {
                #expect(try await fixture.store.history(imagePath: image).map(\.draft.prompt) == [plan.prompt])
            }
            #expect(try await fixture.plan(BatchTests.detect).todo.isEmpty, "answered for the prompt that was sent")
        }
    }

    @Test("an ingest cut short stores nothing twice: the next resume skips the images already stored")
    func interruptedIngest() async throws {
        try await Self.with(images: 3) { _, client, fixture in
            let jobs = BatchJobs(service: client, pipeline: fixture.pipeline(client))
            let records = try await jobs.submit(try await fixture.plan(BatchTests.detect)) { _ in }
            // As if the process died after storing the first answer: later answers and the job's closing fail.
            try await Self.execute("""
                CREATE TRIGGER cut_answers BEFORE INSERT ON answers WHEN (SELECT COUNT(*) FROM answers) >= 1
                    BEGIN SELECT RAISE(ABORT, 'interrupted'); END;
                CREATE TRIGGER cut_close BEFORE UPDATE OF ingestedAt ON batch_jobs BEGIN SELECT RAISE(ABORT, 'interrupted'); END;
                """, on: fixture.store)
            await #expect(throws: StoreError.self) {
                try await jobs.wait(for: records, pollInterval: .milliseconds(5)) { _ in }
            }
            try await Self.execute("DROP TRIGGER cut_answers; DROP TRIGGER cut_close;", on: fixture.store)

            let open = try await fixture.store.batchJobs(openOnly: true)
            #expect(open.count == 1)
            #expect(try await fixture.store.ingestedBatchJobItemCount(ids: open.map(\.id)) == 1, "the answer stored is marked with it")
            let events = BatchTests.LockedEvents()
            try await jobs.wait(for: open, pollInterval: .milliseconds(5)) { event in
                if case .finished(let result) = event { events.append(.finished(result)) }
            }
            #expect(events.all.count == 2, "only the two images not stored before")
            for image in fixture.images {
                #expect(try await fixture.store.history(imagePath: image).count == 1, "\(image)")
            }
            #expect(try await fixture.store.batchJobs(openOnly: true).isEmpty)
        }
    }

    @Test("a job the service accepted keeps its record when the store cannot name it, and the error names the job")
    func createdButNotRecorded() async throws {
        try await Self.with(images: 2) { server, client, fixture in
            try await Self.execute("CREATE TRIGGER full BEFORE UPDATE OF name ON batch_jobs BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
                                   on: fixture.store)
            let jobs = BatchJobs(service: client, pipeline: fixture.pipeline(client))
            do {
                _ = try await jobs.submit(try await fixture.plan(BatchTests.detect)) { _ in }
                Issue.record("the submit should fail")
            } catch {
                let name = try #require(server.batches.first?.name)
                #expect(String(describing: error).contains(name), "\(error)")
            }
            #expect(server.batches.count == 1)
            #expect(try await fixture.store.batchJobs().count == 1, "the record is the trace of a live job")

            // The next resume finds the job by the tag in its display name, waits for it and stores its answers.
            try await Self.execute("DROP TRIGGER full;", on: fixture.store)
            let open = try await fixture.store.batchJobs(openOnly: true)
            #expect(open.count == 1 && open.first?.name == nil)
            try await jobs.wait(for: open, pollInterval: .milliseconds(1)) { _ in }
            let record = try #require(try await fixture.store.batchJobs().first)
            #expect(record.name == server.batches.first?.name, "found again and named")
            #expect(server.batches.first?.displayName.hasPrefix(BatchJobs.tag(id: record.id, createdAt: record.createdAt) + " ") == true)
            #expect(record.ingestedAt != nil)
            for path in fixture.images {
                #expect(try await fixture.store.history(imagePath: path).count == 1, "\(path) answered once")
            }
        }
    }

    @Test("a record whose job was never created (no job carries its tag) is forgotten on resume")
    func neverCreated() async throws {
        try await Self.with(images: 1) { server, client, fixture in
            let plan = try await fixture.plan(BatchTests.detect)
            _ = try await fixture.store.recordBatchJob(spec: plan.spec, prompt: plan.prompt, items: [])
            let jobs = BatchJobs(service: client, pipeline: fixture.pipeline(client))
            try await jobs.wait(for: try await fixture.store.batchJobs(openOnly: true), pollInterval: .milliseconds(1)) { _ in }
            #expect(try await fixture.store.batchJobs().isEmpty)
            #expect(server.requests(for: .batchList).count == 1, "the service was asked before forgetting it")
        }
    }

    @Test("a job record gone after creating says so in its own words")
    func recordGone() async throws {
        try await Self.with(images: 1) { _, client, fixture in
            try await Self.execute("""
                CREATE TRIGGER gone AFTER UPDATE OF name ON batch_jobs BEGIN DELETE FROM batch_jobs WHERE id = NEW.id; END;
                """, on: fixture.store)
            let jobs = BatchJobs(service: client, pipeline: fixture.pipeline(client))
            do {
                _ = try await jobs.submit(try await fixture.plan(BatchTests.detect)) { _ in }
                Issue.record("the submit should fail")
            } catch {
                #expect(error is BatchJobError, "\(error)")
                #expect(String(describing: error).contains("no longer in the store"), "\(error)")
            }
        }
    }
}
