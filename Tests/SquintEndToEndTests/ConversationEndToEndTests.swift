import Foundation
import GeminiTestServer
import Testing

/// `squint ask -c`: a follow-up from a new process carries the first turn — its image and the model's parts
/// with their thought signature — to the server.
@Suite("conversations end to end")
struct ConversationEndToEndTests {
    @Test("ask, then ask -c in a new process: the second request holds the first turn, signature unchanged")
    func continueFromANewProcess() async throws {
        try await CLIHarness.with { h in
            let none = try await h.run(["ask", "-c", "-p", "and?"])
            #expect(none.status == 2)
            #expect(none.stderr.hasPrefix("squint: --continue: no conversation to continue yet"), "\(none.stderr)")

            h.server.enqueue(.answer("A tabby cat.", model: "gemini-3-flash-preview", signature: "c2lnbmF0dXJlLTE="), for: .generateContent)
            h.server.enqueue(.answer("About two years old."), for: .generateContent)
            let first = try await h.run(["ask", CLIHarness.corpusJPEG, "-p", "What breed is it?", "--no-stream", "--model", "gemini-3-flash-preview", "--json"])
            #expect(first.status == 0, "\(first.stderr)")
            let report = try SpatialCommandTests.json(first.stdout)
            let id = try #require(report["conversationId"] as? Int)

            let second = try await h.run(["ask", "-c", "-p", "How old does it look?", "--no-stream"])
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stdout == "About two years old.\n")
            let request = try #require(h.server.requests(for: .generateContent).last)
            #expect(request.path.contains("gemini-3-flash-preview"), "the follow-up stays with the conversation's model")
            let body = try #require(request.jsonObject())
            let contents = try #require(body["contents"] as? [[String: Any]])
            #expect(contents.map { $0["role"] as? String } == ["user", "model", "user"])
            let firstParts = contents[0]["parts"] as? [[String: Any]] ?? []
            #expect(firstParts.first?["inlineData"] != nil)
            #expect(firstParts.last?["text"] as? String == "What breed is it?")
            let modelParts = contents[1]["parts"] as? [[String: Any]] ?? []
            #expect(modelParts.first?["text"] as? String == "A tabby cat.")
            #expect(modelParts.first?["thoughtSignature"] as? String == "c2lnbmF0dXJlLTE=")
            #expect((contents[2]["parts"] as? [[String: Any]])?.first?["text"] as? String == "How old does it look?")

            let history = try await h.run(["history"])
            let lines = history.stdout.split(separator: "\n").map(String.init)
            let heading = try #require(lines.firstIndex { $0.hasPrefix("conversation \(id) · 2 turns") }, "\(history.stdout)")
            #expect(lines[heading + 1].hasPrefix("  ") && lines[heading + 1].contains("What breed is it?"), "the first turn first: \(history.stdout)")
            #expect(lines.firstIndex { $0.contains("How old does it look?") }.map { $0 > heading + 1 } == true)

            let images = try await h.run(["ask", "-c", CLIHarness.corpusJPEG, "-p", "x"])
            #expect(images.status == 2, "a follow-up brings its own images")

            // --count-tokens counts the follow-up as it would be sent: the thread, its image, the model.
            let counted = try await h.run(["ask", "-c", "-p", "Is it healthy?", "--count-tokens"])
            #expect(counted.status == 0, "\(counted.stderr)")
            let count = try #require(h.server.requests(for: .countTokens).last)
            #expect(count.path.contains("gemini-3-flash-preview"))
            let counting = try #require(count.jsonObject())
            let countedContents = (counting["contents"] ?? (counting["generateContentRequest"] as? [String: Any])?["contents"]) as? [[String: Any]]
            #expect(countedContents?.map { $0["role"] as? String } == ["user", "model", "user", "model", "user"], "\(counting)")
        }
    }
}
