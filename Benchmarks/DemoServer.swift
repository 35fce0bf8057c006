import Foundation
import GeminiTestServer

/// `squint-bench serve`: the fake Gemini server on 127.0.0.1 for trying the TUI without a key or a network,
/// and for screenshots. Every streamed question is answered with `answer` (default: two boxes), so `d` in the
/// TUI draws detections. `answer` may name a file to answer with. `SQUINT_DEMO_CHUNK` (characters per event) and
/// `SQUINT_DEMO_DELAY_MS` (pause between events, and before each unary answer) stream it slowly, to see the screen
/// mid-answer. Prints the base URL and runs until killed.
func runDemoServer(answer: String?) {
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do {
            let server = try await FakeGeminiServer.start()
            var text = answer ?? #"```json\#n[{"box_2d": [120, 180, 760, 820], "label": "cat"}, {"box_2d": [300, 320, 520, 470], "label": "left eye"}]\#n```"#
            if let answer, let contents = try? String(contentsOfFile: answer, encoding: .utf8) { text = contents }
            let environment = ProcessInfo.processInfo.environment
            let chunk = environment["SQUINT_DEMO_CHUNK"].flatMap(Int.init).map { max(1, $0) }
            let delay = environment["SQUINT_DEMO_DELAY_MS"].flatMap(Int.init).map { Duration.milliseconds($0) }
            let pieces: [String] = if let chunk {
                stride(from: 0, to: text.count, by: chunk).map { start in
                    String(text.dropFirst(start).prefix(chunk))
                }
            } else {
                text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
            }
            server.setDefault(.streamedAnswer(pieces, delay: delay), for: .streamGenerateContent)
            if let delay {
                // Unary requests (the TUI's `R`, `squint batch`) get the same answer after the same pause.
                let unary = FakeReply.answer(text)
                if case .bytes(let body) = unary.body {
                    server.setDefault(FakeReply(status: 200, headers: unary.headers, body: .stream([.pause(delay), .bytes(body)], framing: .crlf)),
                                      for: .generateContent)
                }
            }
            FileHandle.standardOutput.write(Data("fake Gemini server: GEMINI_API_KEY=demo squint --base-url \(server.baseURL) DIR\n".utf8))
            try await Task.sleep(for: .seconds(365 * 24 * 3600))
            try await server.stop()
        } catch {
            print("squint-bench serve: \(error)")
            done.signal()
        }
    }
    done.wait()
}
