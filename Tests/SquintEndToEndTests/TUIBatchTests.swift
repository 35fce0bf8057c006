import Foundation
import GeminiTestServer
import SquintCore
import Testing

/// `R` in the TUI in tmux against the fake server: the task just run on one image goes over the whole folder,
/// the status bar counts it, and every image ends up answered in the store.
@Suite(.serialized) struct TUIBatchTests {
    @Test func rRunsTheLastDetectOverTheFolder() async throws {
        let json = #"[{"box_2d": [100, 150, 700, 600], "label": "cat"}]"#
        try await withFakeServer { server in
            // The first image's detect streams; the batch's requests are unary and answered slowly, so the
            // progress line is on screen for a while.
            server.enqueue(.streamedAnswer(["```json\n", json, "\n```"]), for: .streamGenerateContent)
            let unary = FakeReply.answer("```json\n" + json + "\n```")
            guard case .bytes(let body) = unary.body else { Issue.record("a unary answer has a body"); return }
            server.setDefault(FakeReply(status: 200, headers: unary.headers, body: .stream([.pause(.milliseconds(1500)), .bytes(body)], framing: .crlf)),
                              for: .generateContent)
            let dir = try TUIFixtures.folder((1...6).map { ("chelsea.png", "cat\($0).png") })
            defer { try? FileManager.default.removeItem(at: dir) }
            let tui = try TUISession(["--protocol", "ascii", "--base-url", server.baseURL, dir.path],
                                     columns: 80, rows: 24, environment: ["GEMINI_API_KEY": "test-key"])
            defer { tui.close() }
            try await tui.waitFor("cat6.png")
            try tui.press("R")
            try await tui.waitFor("press d, s, p, c or ask a question first")
            try tui.press("d")
            try await tui.waitFor("detect what?")
            try tui.press("Enter")
            try await tui.waitFor("1 found")
            try tui.press("R")
            // Five to ask (the first has this answer already): no confirmation below 21.
            let running = try await tui.waitUntil("the progress line") { $0.contains("detect: ") && $0.contains("/5") && $0.contains("esc stops") }
            #expect(!running.contains("y/n"), "\(running)")
            let done = try await tui.waitFor("detect done: 5 answered", timeout: 90)
            #expect(done.contains("to review: ]"), "\(done)")
            #expect(server.requests(for: .generateContent).count == 5)
            // `]` walks the images the batch left to review.
            try tui.press("]")
            try await tui.waitFor("2/6")

            let store = try Store(url: tui.home.appendingPathComponent("data/squint/squint.db"), access: .readOnly)
            let statuses = try await store.imageStatuses(inFolder: dir.path)
            #expect(statuses.count == 6 && statuses.allSatisfy { $0.hasAnswer && $0.pendingCount == 1 }, "\(statuses)")
            try tui.press("q")
            try await tui.waitFor("[exit 0]")
        }
    }
}
