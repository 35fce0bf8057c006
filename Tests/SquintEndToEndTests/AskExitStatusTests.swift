import Foundation
import GeminiTestServer
import Testing

/// Every exit status `squint ask --help` documents, caused for real.
@Suite struct AskExitStatusTests {
    @Test(arguments: [400, 403, 404])
    func refusedRequestsExit3WithoutRetrying(status: Int) async throws {
        try await CLIHarness.with { h in
            h.server.enqueue(.googleError(status: status, message: "Request refused: reason \(status)."), for: .streamGenerateContent)
            let result = try await h.run(["ask", CLIHarness.corpusJPEG, "-p", "q"])
            #expect(result.status == 3, "\(result.stderr)")
            #expect(result.stderr.contains("Request refused: reason \(status)"))
            #expect(result.stderr.hasPrefix("squint: "))
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(h.server.requests(for: .streamGenerateContent).count == 1)
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func serverErrorsExit4AfterTheConfiguredRetries() async throws {
        try await CLIHarness.with { h in
            h.server.setDefault(.serverError(503), for: .streamGenerateContent)
            let result = try await h.run(["ask", CLIHarness.corpusJPEG, "-p", "q"])
            #expect(result.status == 4, "\(result.stderr)")
            #expect(h.server.requests(for: .streamGenerateContent).count == 3)
            #expect(result.stderr.contains("overloaded"))
            #expect(result.stderr.contains("retrying"))
        }
    }

    @Test(arguments: [("60s", false), ("2s", true)])
    func quotaThatWillNotResetSoonExits4AtOnce(retryDelay: String, perDay: Bool) async throws {
        try await CLIHarness.with { h in
            h.server.setDefault(.rateLimited(retryDelay: retryDelay, perDay: perDay), for: .streamGenerateContent)
            let result = try await h.run(["ask", CLIHarness.corpusJPEG, "-p", "q"])
            #expect(result.status == 4, "\(result.stderr)")
            #expect(h.server.requests(for: .streamGenerateContent).count == 1)
            #expect(result.stderr.contains(perDay ? "daily" : "60 s"))
        }
    }

    @Test func aRetryThatSucceedsExits0() async throws {
        try await CLIHarness.with { h in
            h.server.enqueue([.serverError(500), .streamedAnswer(["fine"])], for: .streamGenerateContent)
            let result = try await h.run(["ask", CLIHarness.corpusJPEG, "-p", "q"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "fine\n")
            #expect(h.server.requests(for: .streamGenerateContent).count == 2)
        }
    }

    @Test func midStreamErrorKeepsThePartialTextAndExits4() async throws {
        try await CLIHarness.with { h in
            h.server.enqueue(.streamedAnswer(["Partial ", "answer"], finishReason: nil,
                                             tail: [.bareError(code: 503, message: "The model is overloaded.", status: "UNAVAILABLE")]),
                             for: .streamGenerateContent)
            let result = try await h.run(["ask", CLIHarness.corpusJPEG, "-p", "q"])
            #expect(result.status == 4, "\(result.stderr)")
            #expect(result.stdout == "Partial answer\n")
            #expect(result.stderr.contains("overloaded"))
            #expect(h.server.requests(for: .streamGenerateContent).count == 1)
        }
    }

    @Test func droppedConnectionMidStreamExits4() async throws {
        try await CLIHarness.with { h in
            h.server.enqueue(.sse(GeminiChunks.answerEvents(["Half "], finishReason: nil) + [.drop]), for: .streamGenerateContent)
            let result = try await h.run(["ask", CLIHarness.corpusJPEG, "-p", "q", "--json"])
            #expect(result.status == 4, "\(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(object["text"] as? String == "Half ")
            #expect((object["error"] as? [String: Any])?["exitStatus"] as? Int == 4)
        }
    }

    @Test(arguments: [false, true])
    func blockedPromptExits5(noStream: Bool) async throws {
        try await CLIHarness.with { h in
            h.server.enqueue(.blocked(streaming: true), for: .streamGenerateContent)
            h.server.enqueue(.blocked(), for: .generateContent)
            let result = try await h.run(["ask", CLIHarness.corpusJPEG, "-p", "q"] + (noStream ? ["--no-stream"] : []))
            #expect(result.status == 5, "\(result.stderr)")
            #expect(result.stderr.contains("SAFETY"))
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func answerCutBySafetyExits5() async throws {
        try await CLIHarness.with { h in
            h.server.enqueue(.streamedAnswer(["Some "], finishReason: "SAFETY"), for: .streamGenerateContent)
            let result = try await h.run(["ask", CLIHarness.corpusJPEG, "-p", "q"])
            #expect(result.status == 5, "\(result.stderr)")
            #expect(result.stdout == "Some \n")
        }
    }

    @Test(arguments: [
        ["ask", "-p", "q"],
        ["ask", "IMAGE"],
        ["ask", "IMAGE", "-p", "q", "--temperature", "3"],
        ["ask", "IMAGE", "-p", "q", "--bogus"],
        ["ask", "/nonexistent/x.jpg", "-p", "q"],
        ["ask", "TEXT", "-p", "q"],
        ["ask", "IMAGE", "-p", "q", "--base-url", "localhost:1"],
    ])
    func usageErrorsExit2(arguments: [String]) async throws {
        try await CLIHarness.with { h in
            let text = try h.file("notes.jpg", Array("just some text".utf8))
            let args = arguments.map { $0 == "IMAGE" ? CLIHarness.corpusJPEG : $0 == "TEXT" ? text : $0 }
            let result = try await h.run(args)
            #expect(result.status == 2, "\(result.stderr)")
            #expect(!result.stderr.isEmpty)
            #expect(h.server.requests.isEmpty)
        }
    }

    @Test func badConfigValueExits2NamingTheKey() async throws {
        try await CLIHarness.with(config: "[retry]\nmax_attempts = \"many\"\n") { h in
            let result = try await h.run(["ask", CLIHarness.corpusJPEG, "-p", "q"])
            #expect(result.status == 2)
            #expect(result.stderr.contains("retry.max_attempts must be"))
        }
    }

    @Test func missingKeyExits2() async throws {
        try await CLIHarness.with { h in
            let result = try await h.run(["ask", CLIHarness.corpusJPEG, "-p", "q"], environment: ["GOOGLE_API_KEY": ""])
            #expect(result.status == 2)
            #expect(result.stderr.contains("no API key"))
        }
    }

    @Test func sigintCancelsTheRequestAndExits130() async throws {
        try await CLIHarness.with { h in
            h.server.enqueue(.streamedAnswer(["first ", "never"], delay: .seconds(3600)), for: .streamGenerateContent)
            let result = try await h.runInterrupting(["ask", CLIHarness.corpusJPEG, "-p", "q"], after: "first")
            #expect(result.status == 130, "\(result.stderr)")
            #expect(result.stdout == "first \n")
            #expect(result.stderr.contains("interrupted"))
            #expect(await h.server.wait { $0.openConnections == 0 })
            // What arrived before Ctrl-C is in history, marked incomplete.
            let history = try await h.run(["history", "--json"])
            let entries = try #require((try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])?["answers"] as? [[String: Any]])
            #expect(entries.first?["answer"] as? String == "first ")
            #expect(entries.first?["complete"] as? Bool == false)
        }
    }

    @Test func helpDocumentsTheExitStatuses() async throws {
        let result = try await SquintProcess.run(["ask", "--help"])
        #expect(result.status == 0)
        for code in ["0 ", "2 ", "3 ", "4 ", "5 ", "130 "] {
            #expect(result.stdout.contains("\n  \(code)"), "help lacks exit status \(code)")
        }
    }
}
