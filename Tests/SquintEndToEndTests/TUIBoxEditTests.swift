import Foundation
import GeminiTestServer
import Testing

/// Box editing from the keyboard, end to end: detect in the TUI, move the box with the keys, save, quit, and
/// the CLI's review and COCO export have the moved box.
@Suite(.serialized) struct TUIBoxEditTests {
    @Test func aBoxMovedWithTheKeysIsStoredAndExported() async throws {
        try await withFakeServer { server in
            let json = #"[{"box_2d": [100, 150, 700, 600], "label": "cat"}]"#
            server.enqueue(.streamedAnswer(["```json\n", json, "\n```"]), for: .streamGenerateContent)
            let dir = try TUIFixtures.folder([("chelsea.png", "cat.png")])
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("squint-tui-home-\(UUID().uuidString.prefix(8))")
            defer { try? FileManager.default.removeItem(at: home) }
            do {
                let tui = try TUISession(["--protocol", "ascii", "--base-url", server.baseURL, dir.path],
                                         environment: ["GEMINI_API_KEY": "test-key"], home: home)
                defer { tui.close() }
                try await tui.waitFor("cat.png")
                try tui.press("j", "d")
                try await tui.waitFor("detect what?")
                try tui.press("Enter")
                try await tui.waitUntil("the detection listed and outlined") { $0.contains("1 pending") && $0.contains("┏") }
                try tui.press("B")
                try await tui.waitFor("[edit: box]")
                try tui.press("l", "l", "j")
                try tui.press("Enter")
                try await tui.waitFor("box saved")
                try await tui.waitFor("1 edited")
                try tui.press("q")
                try await tui.waitFor("[exit 0]")
            }
            let environment = ["XDG_DATA_HOME": home.appendingPathComponent("data").path,
                               "XDG_CONFIG_HOME": home.appendingPathComponent("config").path, "HOME": home.path]
            let image = dir.appendingPathComponent("cat.png").path
            let review = try await SquintProcess.run(["review", image, "--json"], environment: environment)
            #expect(review.status == 0, "\(review.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(review.stdout.utf8)) as? [String: Any])
            let item = try #require((object["detections"] as? [[String: Any]])?.first)
            let box = try #require(item["box"] as? [Double]), model = try #require(item["modelBox"] as? [Double])
            #expect(item["edited"] as? Bool == true && item["review"] as? String == "accepted")
            #expect(box[0] > model[0] && box[1] > model[1], "moved right and down: \(box) from \(model)")
            #expect(abs((box[2] - box[0]) - (model[2] - model[0])) < 0.01, "the same size")

            let export = try await SquintProcess.run(["export", "--format", "coco", "--out", "-"], environment: environment)
            #expect(export.status == 0, "\(export.stderr)")
            let coco = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
            let bbox = try #require((coco["annotations"] as? [[String: Any]])?.first?["bbox"] as? [Double])
            #expect(abs(bbox[0] - box[0]) < 0.01 && abs(bbox[1] - box[1]) < 0.01, "COCO has the moved box: \(bbox) vs \(box)")
        }
    }
}
