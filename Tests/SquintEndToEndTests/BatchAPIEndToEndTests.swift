import Foundation
import GeminiTestServer
import Testing

/// `squint batch --via batch-api`, `resume`, `status` and `cancel` against the fake server's Batch API: the job
/// recorded before polling, results ingested as live answers are, and every way a job can end short.
@Suite("squint batch --via batch-api")
struct BatchAPIEndToEndTests {
    typealias Lines = BatchEndToEndTests

    static func run(_ folder: String, _ extra: [String] = []) -> [String] {
        ["batch", folder, "--task", "detect", "-p", "cups", "--via", "batch-api", "--poll-interval", "10ms"] + extra
    }

    @Test("one job from a JSONL file, polled to the end; answers stored and printed as live ones; nothing submitted twice")
    func submitAndWait() async throws {
        try await BatchEndToEndTests.with(images: 4) { harness, folder in
            let result = try await harness.run(Self.run(folder))
            #expect(result.status == 0, "\(result.stderr)")
            let lines = Lines.lines(result.stdout)
            #expect(lines.count == 4)
            #expect(lines.allSatisfy { $0.hasSuffix(": 1 box: cup") }, "\(lines)")
            #expect(harness.server.batches.count == 1)
            let job = try #require(harness.server.batches.first)
            #expect(job.inputFile != nil, "the requests went up as a JSONL file")
            #expect(job.requests.count == 4)
            #expect(harness.server.requests(for: .generateContent).isEmpty, "nothing was asked live")
            #expect(result.stderr.contains("submitted \(job.name) (4 requests)"))

            let again = try await harness.run(Self.run(folder))
            #expect(again.status == 0)
            #expect(harness.server.batches.count == 1, "already answered: no second job")
            // The same answers a live run would see as done.
            let live = try await harness.run(["batch", folder, "--task", "detect", "-p", "cups", "--dry-run"])
            #expect(live.stdout.hasPrefix("4 images: 0 to ask, 4 already answered"), "\(live.stdout)")
        }
    }

    @Test("--no-wait prints the job name; a new process resumes it; status shows it open, then stored")
    func noWaitThenResume() async throws {
        try await BatchEndToEndTests.with(images: 3) { harness, folder in
            harness.server.batchStateSpelling = .jobState
            harness.server.batchOutputPlacement = .metadataOutput
            let submitted = try await harness.run(Self.run(folder, ["--no-wait"]))
            #expect(submitted.status == 0, "\(submitted.stderr)")
            let name = submitted.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(name.hasPrefix("batches/"))

            // While it is open, the same command submits nothing new.
            let waiting = try await harness.run(Self.run(folder, ["--no-wait"]))
            #expect(waiting.stderr.contains("3 waiting in a Batch API job"), "\(waiting.stderr)")
            #expect(harness.server.batches.count == 1)

            let open = try await harness.run(["batch", "status", "--offline"])
            #expect(open.stdout.contains(name) && open.stdout.contains("open"), "\(open.stdout)")

            let resumed = try await harness.run(["batch", "resume", "--poll-interval", "10ms", "--json"])
            #expect(resumed.status == 0, "\(resumed.stderr)")
            let objects = try Lines.lines(resumed.stdout).map(SpatialCommandTests.json)
            #expect(objects.count == 4)
            #expect(objects.prefix(3).allSatisfy { $0["status"] as? String == "answered" && $0["task"] as? String == "detect" })

            let status = try await harness.run(["batch", "status", "--json"])
            let jobs = try #require(try SpatialCommandTests.json(status.stdout)["jobs"] as? [[String: Any]])
            #expect(jobs.count == 1)
            #expect(jobs.first?["open"] as? Bool == false)
            #expect(jobs.first?["succeeded"] as? Int == 3)

            let nothing = try await harness.run(["batch", "resume"])
            #expect(nothing.status == 0)
            #expect(nothing.stderr.contains("no Batch API jobs to wait for"))
        }
    }

    @Test("a missing path: exit 2 through the Batch API as live, after the other images are answered")
    func missingPathExitStatus() async throws {
        try await BatchEndToEndTests.with(images: 2) { harness, folder in
            let missing = harness.folder.appendingPathComponent("missing.png").path
            let live = try await harness.run(["batch", folder, missing, "--task", "detect", "-p", "cups"])
            #expect(live.status == 2, "\(live.stderr)")
            #expect(Lines.lines(live.stdout).count == 2)

            func viaAPI(_ words: String, _ extra: [String] = []) -> [String] {
                ["batch", folder, missing, "--task", "detect", "-p", words, "--via", "batch-api", "--poll-interval", "10ms"] + extra
            }
            let api = try await harness.run(viaAPI("saucers"))
            #expect(api.status == live.status, "\(api.stderr)")
            #expect(Lines.lines(api.stdout).count == 2)
            #expect(api.stderr.contains("missing.png: no such file or folder"), "\(api.stderr)")
            // Nothing left to submit, and --no-wait: the same.
            let nothing = try await harness.run(viaAPI("saucers"))
            #expect(nothing.status == live.status, "\(nothing.stderr)")
            let noWait = try await harness.run(viaAPI("plates", ["--no-wait"]))
            #expect(noWait.status == live.status, "\(noWait.stderr)")
            #expect(Lines.lines(noWait.stdout).count == 1, "the job's name")
        }
    }

    @Test("keys missing from the results mark those images failed (exit 4); the next run asks only about them")
    func droppedKeys() async throws {
        try await BatchEndToEndTests.with(images: 4) { harness, folder in
            harness.server.batchDroppedKeys = ["2"]
            let result = try await harness.run(Self.run(folder))
            #expect(result.status == 4, "\(result.stderr)")
            #expect(Lines.lines(result.stdout).count == 3)
            let failures = Lines.lines(result.stderr).filter { $0.contains("the job's results have no line for it") }
            #expect(failures.count == 1, "\(result.stderr)")

            let retry = try await harness.run(["batch", folder, "--task", "detect", "-p", "cups"])
            #expect(retry.status == 0, "\(retry.stderr)")
            #expect(Lines.lines(retry.stdout).count == 1)
            #expect(harness.server.requests(for: .generateContent).count == 1)
        }
    }

    @Test("an expired job says so in one line and exits 4; its images are asked about again")
    func expiredJob() async throws {
        try await BatchEndToEndTests.with(images: 2) { harness, folder in
            harness.server.batchOutcome = .expired
            let result = try await harness.run(Self.run(folder))
            #expect(result.status == 4, "\(result.stderr)")
            let ended = Lines.lines(result.stderr).filter { $0.contains("ended BATCH_STATE_EXPIRED") }
            #expect(ended.count == 1, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            harness.server.batchOutcome = .succeeded
            let again = try await harness.run(Self.run(folder))
            #expect(again.status == 0, "\(again.stderr)")
            #expect(Lines.lines(again.stdout).count == 2)
            #expect(harness.server.batches.count == 2)
        }
    }

    @Test("cancel: the job stops on the service; resume records its end")
    func cancel() async throws {
        try await BatchEndToEndTests.with(images: 2) { harness, folder in
            harness.server.batchPollsUntilDone = 1000
            let submitted = try await harness.run(Self.run(folder, ["--no-wait"]))
            let name = submitted.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let cancelled = try await harness.run(["batch", "cancel", name])
            #expect(cancelled.status == 0, "\(cancelled.stderr)")
            #expect(harness.server.batch(named: name)?.state == .cancelled)
            let resumed = try await harness.run(["batch", "resume", "--poll-interval", "10ms"])
            #expect(resumed.status == 4)
            #expect(resumed.stderr.contains("ended BATCH_STATE_CANCELLED"), "\(resumed.stderr)")
            let unknown = try await harness.run(["batch", "cancel", "batches/nope"])
            #expect(unknown.status != 0)
            #expect(unknown.stderr.hasPrefix("squint: batches/nope: no such batch job"), "\(unknown.stderr)")
        }
    }
}
