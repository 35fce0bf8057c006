import Foundation
import GeminiTestServer
import Testing
import TestCorpus

/// `squint batch` as a person runs it: the real binary against the fake server, over a folder of copies of a
/// sample image. Stdout holds data only; the exit status says whether everything was answered.
@Suite("squint batch")
struct BatchEndToEndTests {
    static let boxes = #"[{"box_2d": [100, 150, 700, 600], "label": "cup"}]"#

    /// A harness with a folder of `count` images named img1.png… and the fake's unary answer set to one box.
    static func with(images count: Int, _ body: (CLIHarness, String) async throws -> Void) async throws {
        try await CLIHarness.with { harness in
            harness.server.setDefault(.answer(boxes), for: .generateContent)
            let folder = harness.folder.appendingPathComponent("pictures")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for index in 1...count {
                try FileManager.default.copyItem(atPath: TestCorpus.path("orientation/upright.png"),
                                                 toPath: folder.appendingPathComponent("img\(index).png").path)
            }
            try await body(harness, folder.path)
        }
    }

    static func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    @Test("a folder: one stdout line per image, exit 0; the same command again asks nothing")
    func folderAndResume() async throws {
        try await Self.with(images: 5) { harness, folder in
            let first = try await harness.run(["batch", folder, "--task", "detect", "-p", "cups"])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(harness.server.requests(for: .generateContent).count == 5)
            let lines = Self.lines(first.stdout)
            #expect(lines.count == 5)
            #expect(lines.allSatisfy { $0.hasPrefix(folder + "/img") && $0.hasSuffix(": 1 box: cup") }, "\(lines)")
            #expect(first.stderr.contains("5 images: 5 answered"))

            let again = try await harness.run(["batch", folder, "--task", "detect", "-p", "cups"])
            #expect(again.status == 0)
            #expect(again.stdout.isEmpty)
            #expect(again.stderr.contains("5 already answered"))
            #expect(harness.server.requests(for: .generateContent).count == 5, "nothing asked again")

            // What batch stored is what `squint export` exports.
            let export = try await harness.run(["export", "--format", "coco", "--out", "-", folder])
            #expect(export.status == 0, "\(export.stderr)")
            let coco = try SpatialCommandTests.json(export.stdout)
            #expect((coco["images"] as? [Any])?.count == 5)
            #expect((coco["annotations"] as? [Any])?.count == 5)

            let redo = try await harness.run(["batch", folder, "--task", "detect", "-p", "cups", "--redo"])
            #expect(redo.status == 0)
            #expect(harness.server.requests(for: .generateContent).count == 10)
        }
    }

    @Test("failures: one squint: line each, exit 4; the next run asks only about them")
    func failuresAndRetry() async throws {
        try await Self.with(images: 4) { harness, folder in
            try Data("\u{89}PNG\r\n\u{1A}\nbroken".utf8).write(to: URL(fileURLWithPath: folder + "/img2.png"))
            // Three 503s: the first request exhausts its retries (max_attempts = 3).
            harness.server.enqueue([.serverError(503), .serverError(503), .serverError(503)], for: .generateContent)
            let first = try await harness.run(["batch", folder, "--task", "detect", "--concurrency", "1"])
            #expect(first.status == 4, "\(first.stderr)")
            let errors = Self.lines(first.stderr).filter { $0.hasPrefix("squint: /") }
            #expect(errors.count == 2, "\(first.stderr)")
            #expect(errors.contains { $0.hasPrefix("squint: \(folder)/img2.png: ") })
            #expect(first.stderr.contains("2 of 4 images failed"))
            #expect(Self.lines(first.stdout).count == 2)

            let second = try await harness.run(["batch", folder, "--task", "detect", "--concurrency", "1"])
            #expect(second.status == 4, "the broken image still fails")
            #expect(Self.lines(second.stdout).count == 1, "the image the 503s failed is answered now")
            #expect(second.stderr.contains("2 already answered"))
            #expect(harness.server.requests(for: .generateContent).count == 3 + 2 + 1)
        }
    }

    @Test("--json: one object per finished image, then a summary; --dry-run prints the plan and asks nothing")
    func jsonAndDryRun() async throws {
        try await Self.with(images: 3) { harness, folder in
            let plan = try await harness.run(["batch", folder, "--task", "segment", "--dry-run", "--json"])
            #expect(plan.status == 0, "\(plan.stderr)")
            let planned = try SpatialCommandTests.json(plan.stdout)
            #expect(planned["todo"] as? Int == 3)
            #expect(planned["done"] as? Int == 0)
            #expect((planned["estimatedPromptTokens"] as? Int ?? 0) > 3 * 258)
            #expect(planned["version"] as? Int == 1)
            #expect(harness.server.requests.isEmpty)

            let run = try await harness.run(["batch", folder, "--task", "detect", "--json"])
            #expect(run.status == 0, "\(run.stderr)")
            let objects = try Self.lines(run.stdout).map(SpatialCommandTests.json)
            #expect(objects.count == 4)
            for object in objects.prefix(3) {
                #expect(object["status"] as? String == "answered")
                #expect(object["task"] as? String == "detect")
                #expect((object["detections"] as? [[String: Any]])?.first?["label"] as? String == "cup")
                #expect(object["version"] as? Int == 1)
            }
            let summary = try #require(objects.last?["summary"] as? [String: Any])
            #expect(summary["answered"] as? Int == 3)
            #expect(summary["failed"] as? Int == 0)

            let done = try await harness.run(["batch", folder, "--task", "detect", "--dry-run"])
            #expect(done.stdout.hasPrefix("3 images: 0 to ask, 3 already answered"), "\(done.stdout)")
        }
    }

    @Test("a folder with no images is one line, exit 2; a 429 lowers the concurrency and says so")
    func emptyFolderAndRateLimit() async throws {
        try await Self.with(images: 6) { harness, folder in
            let empty = harness.folder.appendingPathComponent("empty").path
            try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
            let none = try await harness.run(["batch", empty, "--task", "caption"])
            #expect(none.status == 2)
            #expect(none.stderr == "squint: \(empty): no images\n")

            harness.server.enqueue(.rateLimited(retryDelay: "0.05s"), for: .generateContent)
            let run = try await harness.run(["batch", folder, "--task", "detect", "--concurrency", "4"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.contains("rate limited (429): 2 requests in flight for a while"), "\(run.stderr)")
            #expect(Self.lines(run.stdout).count == 6)
        }
    }

    @Test("Ctrl-C stops the run (exit 130) keeping what finished; kill -9 loses at most the requests in flight")
    func interruptAndKill() async throws {
        try await Self.with(images: 24) { harness, folder in
            let arguments = ["batch", folder, "--task", "detect", "--concurrency", "2"]
            let stopped = try await harness.runInterrupting(arguments, after: ": 1 box")
            #expect(stopped.status == 130, "\(stopped.stderr)")
            let answeredBeforeStop = Self.lines(stopped.stdout).count
            #expect(answeredBeforeStop >= 1 && answeredBeforeStop < 24)

            // kill -9 once a few more have landed.
            let out = harness.folder.appendingPathComponent("killed.out").path
            let pid = try ChildProcess.spawn([SquintProcess.binary.path] + arguments, environment: harness.environment(),
                                             stdout: out, stderr: .file(out + ".err"))
            var printed = 0
            for _ in 0..<400 where printed < 3 {
                try await Task.sleep(for: .milliseconds(25))
                printed = Self.lines((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").count
            }
            kill(pid, SIGKILL)
            _ = ChildProcess.wait(pid)
            let killedAnswered = Self.lines((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").count

            let resumed = try await harness.run(arguments)
            #expect(resumed.status == 0, "\(resumed.stderr)")
            // Every answer printed was stored first; at most the two in flight at the kill were stored unprinted.
            let rest = Self.lines(resumed.stdout).count
            #expect(rest <= 24 - answeredBeforeStop - killedAnswered && rest >= 24 - answeredBeforeStop - killedAnswered - 2, "\(rest)")
            let asked = harness.server.requests(for: .generateContent).count
            #expect(asked <= 24 + 2 * 2, "at most the requests in flight at the stop and at the kill were asked twice (\(asked))")
        }
    }

    @Test("the server never sees more than --concurrency requests at once; on a terminal a progress line shows, piped none")
    func concurrencyAndProgress() async throws {
        try await Self.with(images: 8) { harness, folder in
            harness.server.responseDelay = .milliseconds(400)
            let (status, screen) = try await WaitingLineEndToEndTests().onTerminal(harness, ["batch", folder, "--task", "detect", "--concurrency", "3"])
            #expect(status == 0, "\(screen)")
            // Never more than 3; at least 2 even on a loaded machine (preparing can lag the 400 ms answers).
            #expect((2...3).contains(harness.server.maxConcurrentGenerateRequests), "\(harness.server.maxConcurrentGenerateRequests)")
            #expect(screen.contains("/8 · "), "a progress line: \(screen.debugDescription)")
            #expect(screen.contains("asking"), "\(screen.debugDescription)")
            #expect(screen.contains("8 images: 8 answered"))

            let piped = try await harness.run(["batch", folder, "--task", "detect", "--redo", "--concurrency", "3"])
            #expect(piped.status == 0)
            #expect(!piped.stderr.contains("\r") && !piped.stderr.contains("/8 · "), "\(piped.stderr.debugDescription)")
        }
    }
}
