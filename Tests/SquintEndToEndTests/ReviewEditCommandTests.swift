import Foundation
import GeminiTestServer
import Testing

/// `squint review`'s scripted edits and the class list from the command line: the same review events as the TUI.
@Suite("Review edits and classes from the command line")
struct ReviewEditCommandTests {
    @Test("a config's classes constrain `squint detect`; accept-all, move, box and undo are review events; COCO has the edit")
    func classesAndEdits() async throws {
        try await withFakeServer("test-key") { server in
            let answer = #"[{"box_2d": [100, 150, 700, 600], "label": "cat"}, {"box_2d": [750, 50, 980, 950], "label": "laptop"}]"#
            server.enqueue(.answer(answer), for: .generateContent)
            let (folder, environment) = try SpatialCommandTests.environment(server)
            defer { try? FileManager.default.removeItem(at: folder) }
            let config = folder.appendingPathComponent("config/squint")
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            try Data("classes = [\"cat\", \"laptop\"]\n".utf8).write(to: config.appendingPathComponent("config.toml"))
            let image = folder.appendingPathComponent("cat.png").path
            try FileManager.default.copyItem(atPath: SpatialCommandTests.corpus.appendingPathComponent("orientation/upright.png").path, toPath: image)

            #expect(try await SquintProcess.run(["detect", image], environment: environment).status == 0)
            let body = String(decoding: try #require(server.requests(for: .generateContent).first).body, as: UTF8.self)
            #expect(body.contains(#"Only these classes: \"cat\", \"laptop\"."#), "\(body)")

            let all = try await SquintProcess.run(["review", image, "--accept-all"], environment: environment)
            #expect(all.status == 0 && all.stderr.contains("accepted 2 pending detections"), "\(all.stderr)")
            #expect(try await SquintProcess.run(["review", image, "--undo"], environment: environment).stderr.contains("undid accepted"))
            let move = try await SquintProcess.run(["review", image, "--move", "1:-10,5", "--json"], environment: environment)
            #expect(move.status == 0, "\(move.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(move.stdout.utf8)) as? [String: Any])
            let first = try #require((json["detections"] as? [[String: Any]])?.first)
            let box = try #require(first["box"] as? [Double]), model = try #require(first["modelBox"] as? [Double])
            #expect(first["edited"] as? Bool == true && abs(box[0] - (model[0] - 10)) < 0.01 && abs(box[1] - (model[1] + 5)) < 0.01)
            let set = try await SquintProcess.run(["review", image, "--box", "2:1,2,30,40"], environment: environment)
            #expect(set.status == 0, "\(set.stderr)")
            let list = try await SquintProcess.run(["review", image, "--list"], environment: environment)
            #expect(list.stdout.contains("box 1,2 – 30,40 (edited; model:"), "\(list.stdout)")
            #expect(try await SquintProcess.run(["review", image, "--box", "2:1,2,30"], environment: environment).status == 2)
            for bad in ["2:nan,2,30,40", "2:1,2,inf,40"] {
                let refused = try await SquintProcess.run(["review", image, "--box", bad], environment: environment)
                #expect(refused.status == 2, "\(bad): \(refused.stderr)")
            }
            let unchanged = try await SquintProcess.run(["review", image, "--list"], environment: environment)
            #expect(unchanged.stdout.contains("box 1,2 – 30,40 (edited; model:"), "nothing stored: \(unchanged.stdout)")
            for interval in ["inf", "nan", "1e30", "2000000"] {
                let batch = try await SquintProcess.run(["batch", folder.path, "--task", "detect", "--via", "batch-api", "--poll-interval", interval], environment: environment)
                #expect(batch.status == 2 && batch.stderr.contains("--poll-interval"), "\(interval): \(batch.stderr)")
            }

            let export = try await SquintProcess.run(["export", "--format", "coco", "--out", "-", image], environment: environment)
            let coco = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
            let boxes = try #require(coco["annotations"] as? [[String: Any]]).compactMap { $0["bbox"] as? [Double] }
            #expect(boxes.contains([1, 2, 29, 38]), "\(boxes)")

            let missing = folder.appendingPathComponent("nope.txt").path
            let browse = try await SquintProcess.run(["--classes", missing, folder.path], environment: environment)
            #expect(browse.status == 2 && browse.stderr.contains("squint: \(missing): no such file"), "\(browse.stderr)")
        }
    }
}
