import Foundation
import GeminiTestServer
import Testing

/// The TUI in tmux against the fake Gemini server: streamed answers, cancelling, detections drawn as outlines,
/// review decisions that survive a restart.
@Suite(.serialized) struct TUIAskTests {
    func folder() throws -> URL {
        try TUIFixtures.folder([("chelsea.png", "cat.png"), ("coffee.png", "coffee.png")])
    }

    func start(_ server: FakeGeminiServer, _ dir: URL, home: URL? = nil) throws -> TUISession {
        try TUISession(["--protocol", "ascii", "--base-url", server.baseURL, dir.path],
                       environment: ["GEMINI_API_KEY": "test-key"], home: home)
    }

    @Test func askingStreamsTheAnswerChunkByChunk() async throws {
        try await withFakeServer { server in
            server.enqueue(.streamedAnswer(["A tabby **cat** ", "looks at the camera;\n", "- whiskers\n- stripes"],
                                           delay: .milliseconds(400)), for: .streamGenerateContent)
            let dir = try folder()
            let tui = try start(server, dir)
            defer { tui.close() }
            try await tui.waitFor("cat.png")
            try tui.press("j", "i")
            try tui.type("what is this?")
            try tui.press("Enter")
            let partial = try await tui.waitFor("A tabby cat")
            #expect(!partial.contains("**cat**"), "bold markers are rendered, not shown")
            let done = try await tui.waitUntil("the whole answer") { $0.contains("• whiskers") && $0.contains("• stripes") }
            #expect(done.contains("what is this?"))
            let request = try #require(server.requests(for: .streamGenerateContent).first)
            #expect(String(decoding: request.body, as: UTF8.self).contains("what is this?"))
        }
    }

    @Test func escCancelsAndKeepsWhatArrived() async throws {
        try await withFakeServer { server in
            server.enqueue(.streamedAnswer(["First part arrived. ", "never shown"], delay: .seconds(20)), for: .streamGenerateContent)
            let dir = try folder()
            let tui = try start(server, dir)
            defer { tui.close() }
            try await tui.waitFor("cat.png")
            try tui.press("j", "c")
            try await tui.waitFor("captioning")
            try await tui.waitFor("First part arrived.")
            try tui.press("Escape")
            let screen = try await tui.waitFor("cancelled")
            #expect(screen.contains("First part arrived."))
            #expect(!screen.contains("never shown"))
        }
    }

    @Test func detectionsAreOutlinedReviewedAndRememberedAfterARestart() async throws {
        try await withFakeServer { server in
            let json = #"[{"box_2d": [100, 150, 700, 600], "label": "cat"}, {"box_2d": [750, 50, 980, 950], "label": "laptop"}]"#
            server.enqueue(.streamedAnswer(["```json\n", json, "\n```"]), for: .streamGenerateContent)
            let dir = try folder()
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("squint-tui-home-\(UUID().uuidString.prefix(8))")
            do {
                let tui = try start(server, dir, home: home)
                defer { tui.close() }
                try await tui.waitFor("cat.png")
                try tui.press("j", "d")
                try await tui.waitFor("detect what?")
                try tui.press("Enter")
                // Panels are framed with light lines; only the selected detection's outline is heavy. The
                // picture may still be decoding when the answer is in: wait for both.
                let found = try await tui.waitUntil("detections listed and outlined") {
                    $0.contains("2 pending") && $0.contains("laptop") && $0.contains("┏")
                }
                #expect(found.contains("┛"), "the selected box is outlined over the picture:\n\(found)")
                try tui.press("a")
                try await tui.waitFor("✓ accepted")
                try tui.press("x")
                try await tui.waitFor("✗ rejected")
                try await tui.waitFor("rejected: laptop")
                try tui.press("q")
                try await tui.waitFor("[exit 0]")
            }
            let again = try start(server, dir, home: home)
            defer { again.close() }
            // The image shows as answered in the list (the mark may follow the first frame).
            try await again.waitUntil("cat.png marked as answered") { $0.contains("cat.png") && $0.contains("✓") }
            try again.press("j")
            let restored = try await again.waitUntil("review state restored") { $0.contains("✓ accepted") && $0.contains("✗ rejected") }
            #expect(restored.contains("laptop"))

            // Export from inside: `e` asks the format, `c` writes COCO next to the images, `y` a YOLO folder.
            // Export from inside: `e` asks the format, `c` writes COCO next to the images, `y` a YOLO folder.
            // What was rejected in review is left out, and the summary says so.
            try again.press("e")
            try await again.waitFor("c COCO")
            try again.press("c")
            try await again.waitFor("1 rejected left out")
            let coco = try String(contentsOf: dir.appendingPathComponent("squint-annotations.json"), encoding: .utf8)
            #expect(coco.contains("\"cat\"") && coco.contains("\"annotations\""), "\(coco)")
            #expect(!coco.contains("\"laptop\""), "a rejected detection is not exported")
            try again.press("e", "y")
            try await again.waitFor("as YOLO")
            let classes = try String(contentsOf: dir.appendingPathComponent("squint-yolo/classes.txt"), encoding: .utf8)
            #expect(classes == "cat\n")
            // A second COCO export asks before replacing the first.
            try again.press("e", "c")
            try await again.waitFor("Replace existing export?")
            try again.press("n")
            try await again.waitFor("nothing was overwritten")
        }
    }
}
