import Foundation
import GeminiTestServer
import Testing

/// `--verbose`, `--log-file` and `SQUINT_LOG` as a user runs them: lines about each request, never the key.
@Suite struct LoggingEndToEndTests {
    /// The debug line AsyncHTTPClient's caller writes for the models request.
    static func modelsRequestLine(in text: String) -> Bool {
        text.split(separator: "\n").contains {
            $0.contains(" debug squint.gemini: request ") && $0.contains("method=GET") && $0.contains("path=/v1beta/models")
        }
    }

    @Test func aNormalRunLogsNothing() async throws {
        try await CLIHarness.with { h in
            let result = try await h.run(["models"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.isEmpty, "\(result.stderr)")
        }
    }

    @Test("--verbose: debug lines on stderr with path and status, stdout untouched, no key")
    func verboseGoesToStderr() async throws {
        try await CLIHarness.with { h in
            let quiet = try await h.run(["models"])
            let result = try await h.run(["models", "--verbose"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == quiet.stdout)
            #expect(Self.modelsRequestLine(in: result.stderr), "\(result.stderr)")
            #expect(result.stderr.contains("status=200"))
            #expect(!result.stderr.contains(h.apiKey))
            // Each line is a log line: timestamp first.
            for line in result.stderr.split(separator: "\n") {
                #expect(line.prefixMatch(of: #/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2} /#) != nil, "\(line)")
            }
        }
    }

    @Test("a key quoted back by a failing server stays out of the retry lines too")
    func quotedKeyIsNotLogged() async throws {
        try await CLIHarness.with { h in
            h.server.enqueue(.quotingAPIKey(status: 503), for: .streamGenerateContent)
            let result = try await h.run(["ask", CLIHarness.corpusJPEG, "-p", "q"], environment: ["SQUINT_LOG": "trace"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("info squint.gemini: retrying attempt=2"), "\(result.stderr)")
            #expect(result.stderr.contains("request failed bytes="))
            #expect(!result.stderr.contains("HTTP response part received"), "no dump of body bytes")
            #expect(result.stderr.contains("header.x-goog-api-key=[REDACTED]"))
            #expect(!result.stderr.contains(h.apiKey))
        }
    }

    @Test("--log-file: the lines go to the file (mode 0600, appended), none to stderr")
    func logFile() async throws {
        try await CLIHarness.with { h in
            let path = h.folder.appendingPathComponent("squint.log").path
            let first = try await h.run(["models", "--log-file", path])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stderr.isEmpty, "\(first.stderr)")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(Self.modelsRequestLine(in: text), "\(text)")
            #expect(!text.contains(h.apiKey))
            let mode = try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode == 0o600)

            let second = try await h.run(["models", "--log-file", path, "--verbose"])
            #expect(second.status == 0, "\(second.stderr)")
            let appended = try String(contentsOfFile: path, encoding: .utf8)
            #expect(appended.hasPrefix(text))
            #expect(Self.modelsRequestLine(in: String(appended.dropFirst(text.count))))
        }
    }

    @Test("an unknown SQUINT_LOG or an unopenable log file is one usage line")
    func badRequestsForLogging() async throws {
        try await CLIHarness.with { h in
            let level = try await h.run(["models"], environment: ["SQUINT_LOG": "loud"])
            #expect(level.status == 2)
            #expect(level.stderr == #"squint: SQUINT_LOG: must be one of trace, debug, info, notice, warning, error, critical, not "loud""# + "\n")
            #expect(h.server.requests.isEmpty)

            let missing = h.folder.appendingPathComponent("no/such/dir/x.log").path
            let file = try await h.run(["models", "--log-file", missing])
            #expect(file.status == 2)
            #expect(file.stderr == "squint: \(missing): cannot open the log file: No such file or directory\n")
        }
    }
}

/// The TUI owns the terminal: with logging on, lines go to the XDG state file, never over curses.
@Suite(.serialized) struct TUILoggingTests {
    @Test func browseLogsToTheStateFileNotTheScreen() async throws {
        try await withFakeServer("tui-key-9Vq7LmXw") { server in
            server.enqueue(.streamedAnswer(["A cat."]), for: .streamGenerateContent)
            let dir = try TUIFixtures.folder([("chelsea.png", "cat.png")])
            let tui = try TUISession(["--protocol", "ascii", "--base-url", server.baseURL, "--verbose", dir.path],
                                     environment: ["GEMINI_API_KEY": "tui-key-9Vq7LmXw"])
            defer { tui.close() }
            try await tui.waitFor("cat.png")
            try tui.press("i")
            try tui.type("what is this?")
            try tui.press("Enter")
            let screen = try await tui.waitFor("A cat.")
            #expect(!screen.contains("squint.gemini"), "a log line reached the screen:\n\(screen)")
            let log = tui.home.appendingPathComponent(".local/state/squint/squint.log").path
            let text = try String(contentsOfFile: log, encoding: .utf8)
            #expect(text.contains("debug squint.gemini: request"), "\(text)")
            #expect(text.contains("path=/v1beta/models/gemini-2.5-flash:streamGenerateContent"))
            #expect(!text.contains("tui-key-9Vq7LmXw"))
            let mode = try (FileManager.default.attributesOfItem(atPath: log)[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode == 0o600)
        }
    }
}
