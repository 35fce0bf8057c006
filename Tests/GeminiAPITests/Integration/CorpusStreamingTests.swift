import Foundation
import GeminiAPI
import GeminiTestServer
import Testing

@Suite("Real model answers streamed through the fake server")
struct CorpusStreamingTests {
    static var answers: [(name: String, text: String)] {
        let folder = Fixtures.corpus.appendingPathComponent("gemini-responses")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
            (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)).map { (name, $0) }
        }
    }

    /// Splits `text` into `count` pieces at character boundaries.
    static func pieces(_ text: String, count: Int) -> [String] {
        let characters = Array(text)
        let size = max(1, characters.count / count + 1)
        return stride(from: 0, to: characters.count, by: size).map { String(characters[$0..<min($0 + size, characters.count)]) }
    }

    @Test("every corpus answer arrives byte for byte, in every framing")
    func corpus() async throws {
        let answers = Self.answers
        try #require(!answers.isEmpty)
        try await Harness.run { h in
            for (index, answer) in answers.enumerated() {
                let framing = SSEFraming.allCases[index % SSEFraming.allCases.count]
                h.server.enqueue(
                    .streamedAnswer(Self.pieces(answer.text, count: 5), framing: framing), for: .streamGenerateContent)
                let (events, error) = await h.collect(h.client.streamGenerateContent(model: "m", request: Harness.question))
                #expect(error == nil, "\(answer.name)")
                #expect(events.text == answer.text, "\(answer.name)")
            }
        }
    }

    @Test("a 6 MB event (a mask-heavy answer) arrives whole")
    func bigEvent() async throws {
        let text = String(repeating: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAQAAAAEACAAAAAB5Gfe6AAAA", count: 90_000)
        try await Harness.run { h in
            h.server.enqueue(.streamedAnswer([text, "end"]), for: .streamGenerateContent)
            let (events, error) = await h.collect(h.client.streamGenerateContent(model: "m", request: Harness.question))
            #expect(error == nil)
            #expect(events.text.count == text.count + 3)
        }
    }
}
