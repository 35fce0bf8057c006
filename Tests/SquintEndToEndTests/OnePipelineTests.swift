import Foundation
import GeminiTestServer
import Testing

/// The seams that used to differ between front ends, run through the real binary: settings problems are one
/// exit-2 line everywhere, and a detect → review → export round trip exports exactly what review shows.
@Suite("One pipeline, end to end")
struct OnePipelineTests {
    static let corpus = SpatialCommandTests.corpus

    @Test("a broken config is one line and exit status 2 from every entry point")
    func brokenConfigEverywhere() async throws {
        try await withFakeServer("test-key") { server in
            let (folder, environment) = try SpatialCommandTests.environment(server)
            defer { try? FileManager.default.removeItem(at: folder) }
            let config = folder.appendingPathComponent("config/squint")
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            try "[retry]\nmax_attempts = \"many\"\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
            let image = Self.corpus.appendingPathComponent("orientation/upright.png").path
            let commands: [[String]] = [
                ["ask", image, "-p", "what?"], ["detect", image], ["history"], ["export", "--format", "coco"],
                ["view", image, "--protocol", "ascii"], [folder.path], ["review", image, "--list"],
            ]
            for arguments in commands {
                let result = try await SquintProcess.run(arguments, environment: environment)
                #expect(result.status == 2, "\(arguments): \(result.stderr)")
                let lines = result.stderr.split(separator: "\n")
                #expect(lines.count == 1, "\(arguments): \(result.stderr)")
                #expect(result.stderr.contains("retry.max_attempts"), "\(arguments): \(result.stderr)")
            }
        }
    }

    @Test("a corrupt store is one line naming squint.db, exit status 2, for the TUI and the CLI")
    func corruptStore() async throws {
        try await withFakeServer("test-key") { server in
            let (folder, environment) = try SpatialCommandTests.environment(server)
            defer { try? FileManager.default.removeItem(at: folder) }
            let data = folder.appendingPathComponent("data/squint")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            try Data(repeating: 0x42, count: 4096).write(to: data.appendingPathComponent("squint.db"))
            let image = Self.corpus.appendingPathComponent("orientation/upright.png").path
            for arguments in [["ask", image, "-p", "what?"], ["history"], [folder.path]] {
                let result = try await SquintProcess.run(arguments, environment: environment)
                #expect(result.status == 2, "\(arguments): \(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
                #expect(result.stderr.contains("squint.db") && result.stderr.contains("not a readable SQLite database"), "\(arguments): \(result.stderr)")
                #expect(!result.stderr.contains("grdb"), "\(arguments): \(result.stderr)")
            }
            #expect(server.requests(for: .streamGenerateContent).isEmpty, "nothing is asked when the answer could not be saved")
        }
    }

    @Test("detect twice, review from the command line, export: exactly what review shows")
    func detectReviewExport() async throws {
        try await withFakeServer("test-key") { server in
            let first = #"[{"box_2d": [100, 150, 700, 600], "label": "cat"}, {"box_2d": [750, 50, 980, 950], "label": "laptop"}, {"box_2d": [0, 0, 50, 50], "label": "dust"}]"#
            let second = #"[{"box_2d": [101, 151, 701, 601], "label": "cat"}, {"box_2d": [750, 50, 980, 950], "label": "laptop"}, {"box_2d": [1, 1, 51, 51], "label": "dust"}]"#
            server.enqueue([.answer(first), .answer(second)], for: .generateContent)
            let (folder, environment) = try SpatialCommandTests.environment(server)
            defer { try? FileManager.default.removeItem(at: folder) }
            let image = folder.appendingPathComponent("cat.png").path
            try FileManager.default.copyItem(atPath: Self.corpus.appendingPathComponent("orientation/upright.png").path, toPath: image)

            #expect(try await SquintProcess.run(["detect", image, "-p", "pets"], environment: environment).status == 0)
            let list = try await SquintProcess.run(["review", image, "--list"], environment: environment)
            #expect(list.status == 0)
            #expect(list.stdout.split(separator: "\n").count == 3)
            #expect(list.stdout.hasPrefix("1  pending"))
            #expect(try await SquintProcess.run(["review", image, "--accept", "1"], environment: environment).status == 0)
            #expect(try await SquintProcess.run(["review", image, "--reject", "3"], environment: environment).status == 0)
            let relabel = try await SquintProcess.run(["review", image, "--relabel", "2", "notebook", "--json"], environment: environment)
            #expect(relabel.status == 0, "\(relabel.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(relabel.stdout.utf8)) as? [String: Any])
            let items = try #require(json["detections"] as? [[String: Any]])
            #expect(items.map { $0["review"] as? String } == ["accepted", "relabelled", "rejected"])
            #expect(items[1]["label"] as? String == "notebook" && items[1]["modelLabel"] as? String == "laptop")
            let undo = try await SquintProcess.run(["review", image, "--undo"], environment: environment)
            #expect(undo.stderr.contains("undid relabelled"), "\(undo.stderr)")
            #expect(try await SquintProcess.run(["review", image, "--reject", "9"], environment: environment).status == 2)

            // A second run replaces the set and carries the decisions over to the matching boxes.
            let again = try await SquintProcess.run(["detect", image, "-p", "pets"], environment: environment)
            #expect(again.stderr.contains("2 review decisions carried over"), "\(again.stderr)")
            let out = folder.appendingPathComponent("coco.json")
            let export = try await SquintProcess.run(["export", "--format", "coco", "--out", out.path, image], environment: environment)
            #expect(export.status == 0, "\(export.stderr)")
            #expect(export.stderr.contains("1 image, 2 detections (1 accepted, 1 unreviewed; 1 rejected left out)"), "\(export.stderr)")
            let coco = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any])
            #expect((coco["annotations"] as? [Any])?.count == 2, "each object once, not once per run")
            let all = try await SquintProcess.run(["export", "--format", "jsonl", "--all-runs", "--include-rejected", image], environment: environment)
            #expect(all.stderr.contains("6 detections"), "\(all.stderr)")

            let history = try await SquintProcess.run(["history", image], environment: environment)
            #expect(history.stdout.contains("detect  \"pets\""), "the person's words, not the template:\n\(history.stdout)")
            #expect(!history.stdout.contains("bounding boxes"))
            // The latest run's summary: its boxes by label, with what review decided.
            let lines = history.stdout.split(separator: "\n")
            #expect(lines.count == 4, "two runs, two lines each:\n\(history.stdout)")
            #expect(lines[1].hasPrefix("  3 boxes: ") && lines[1].contains("(1 accepted, 1 rejected)"), "\(history.stdout)")
            #expect(!history.stdout.contains("box_2d"), "no raw JSON")
            let full = try await SquintProcess.run(["history", image, "--full"], environment: environment)
            #expect(full.stdout.contains("box_2d"), "--full shows the whole answer")
        }
    }

    @Test("exports refuse to write through a planted symbolic link")
    func exportRefusesSymlink() async throws {
        try await withFakeServer("test-key") { server in
            server.enqueue(.answer(#"[{"box_2d": [100, 150, 700, 600], "label": "cat"}]"#), for: .generateContent)
            let (folder, environment) = try SpatialCommandTests.environment(server)
            defer { try? FileManager.default.removeItem(at: folder) }
            let image = folder.appendingPathComponent("cat.png").path
            try FileManager.default.copyItem(atPath: Self.corpus.appendingPathComponent("orientation/upright.png").path, toPath: image)
            #expect(try await SquintProcess.run(["detect", image], environment: environment).status == 0)
            let victim = folder.appendingPathComponent("victim.txt")
            try "keep me".write(to: victim, atomically: true, encoding: .utf8)
            let link = folder.appendingPathComponent("out.json")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: victim)
            let result = try await SquintProcess.run(["export", "--format", "coco", "--out", link.path], environment: environment)
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stderr.contains("symbolic link"), "\(result.stderr)")
            #expect(try String(contentsOf: victim, encoding: .utf8) == "keep me")
        }
    }
}
