import Foundation
import GeminiTestServer
import Imaging
import Testing

/// A segmentation answer with real, large masks streamed slowly into the TUI in tmux: the answer pane shows
/// progress and then a summary — no base64 and no `box_2d` on screen at any point — and `v` shows the raw
/// answer with the masks abbreviated.
@Suite(.serialized) struct TUISpatialStreamTests {
    /// A binary 256×256 mask as Gemini sends them (8-bit grayscale PNG, 0 or 255), noisy so that it is big:
    /// about 11 kB of base64 per item.
    static func bigMask(seed: UInt32) throws -> String {
        var state = seed &+ 1
        let pixels = (0..<(256 * 256)).map { _ -> UInt8 in
            state = state &* 1_664_525 &+ 1_013_904_223
            return state >> 28 > 7 ? 255 : 0
        }
        let png = try PNGEncoder.encode(GrayImage(width: 256, height: 256, pixels: pixels))
        return "data:image/png;base64," + png.base64EncodedString()
    }

    /// Thirty or more base64 characters in a row, letters among them (the ASCII-art picture has no letters).
    static func hasBase64Run(_ screen: String) -> Bool {
        screen.range(of: "(?=[A-Za-z0-9+/=]*[A-Za-z])[A-Za-z0-9+/=]{30,}", options: .regularExpression) != nil
    }

    @Test func aSlowSegmentationShowsProgressThenASummaryNeverTheJSON() async throws {
        let labels = ["glass jar", "metal lid", "glass jar", "wooden spoon"]
        let items = try labels.enumerated().map { index, label in
            #"{"box_2d": [\#(100 + index * 100), 100, \#(300 + index * 100), 400], "mask": "\#(try Self.bigMask(seed: UInt32(index)))", "label": "\#(label)"}"#
        }
        #expect(items.allSatisfy { $0.utf8.count > 8000 }, "masks of kilobytes")
        let answer = "```json\n[\n  " + items.joined(separator: ",\n  ") + "\n]\n```"
        // Two objects and half of the third's mask, then a pause long enough to look at even on a loaded machine.
        let split = answer.index(answer.range(of: "metal lid")!.upperBound, offsetBy: 5000)
        func chunks(_ text: Substring) -> [String] {
            var pieces: [String] = []
            var rest = text
            while !rest.isEmpty {
                pieces.append(String(rest.prefix(4000)))
                rest = rest.dropFirst(4000)
            }
            return pieces
        }
        let parts = GeminiChunks.answerEvents(chunks(answer[..<split]), delay: .milliseconds(100), finishReason: nil)
            + [.pause(.seconds(20))] + GeminiChunks.answerEvents(chunks(answer[split...]), delay: .milliseconds(100))
        try await withFakeServer { server in
            server.enqueue(.sse(parts), for: .streamGenerateContent)
            let dir = try TUIFixtures.folder([("chelsea.png", "cat.png")])
            let tui = try TUISession(["--protocol", "ascii", "--base-url", server.baseURL, dir.path],
                                     environment: ["GEMINI_API_KEY": "test-key"])
            defer { tui.close() }
            try await tui.waitFor("s segment")  // the image is selected and its (empty) record loaded
            try tui.press("s")
            try await tui.waitFor("segment what?")
            try tui.press("Enter")
            var sawProgress = false
            var answerPanes: [String] = []
            let deadline = Date().addingTimeInterval(120)
            var last = ""
            while Date() < deadline {
                last = try tui.screen()
                #expect(!last.contains("box_2d") && !last.contains("base64") && !Self.hasBase64Run(last),
                        "raw JSON reached the screen mid-stream:\n\(last)")
                if last.contains("segmenting… 2 objects: glass jar, metal lid") { sawProgress = true }
                if let pane = last.range(of: "Answer"), answerPanes.last != String(last[pane.lowerBound...].prefix(400)) {
                    answerPanes.append(String(last[pane.lowerBound...].prefix(400)))
                }
                if last.contains("4 objects: 2 × glass jar") && !last.contains("streaming") { break }
                try await Task.sleep(for: .milliseconds(80))
            }
            #expect(sawProgress, "the pane showed the objects so far while streaming; answer panes seen:\n\(answerPanes.joined(separator: "\n---\n"))")
            #expect(last.contains("4 objects: 2 × glass jar, metal lid, wooden spoon"), "\(last)")
            #expect(last.contains("masks: 4 of 4"), "\(last)")
            // The raw view: the JSON as the model wrote it, masks as their size.
            try tui.press("v")
            let raw = try await tui.waitFor("<png,")
            #expect(raw.contains("box_2d"))
            #expect(!Self.hasBase64Run(raw), "\(raw)")
            try tui.press("v")
            let summary = try await tui.waitFor("4 objects")
            #expect(!summary.contains("box_2d"))
            try tui.press("q")
            try await tui.waitFor("[exit 0]")
        }
    }
}
