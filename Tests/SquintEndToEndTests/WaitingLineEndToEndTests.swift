import Foundation
import GeminiTestServer
import Testing
import TestCorpus

/// What a person sees while waiting, and where it goes: a spinner on a terminal's stderr, nothing when piped, and
/// only data on stdout.
@Suite struct WaitingLineEndToEndTests {
    /// Runs squint on a pseudo-terminal (util-linux `script`), returning everything the terminal received.
    func onTerminal(_ h: CLIHarness, _ arguments: [String]) async throws -> (status: Int32, screen: String) {
        let command = ([SquintProcess.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
        let log = h.folder.appendingPathComponent("pty-\(UUID().uuidString).log")
        let environment = h.environment(["TERM": "xterm-256color", "COLUMNS": "120"])
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            Thread {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
                process.arguments = ["-qefc", command, log.path]
                process.environment = environment
                process.standardInput = FileHandle.nullDevice
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                do {
                    try process.run()
                    process.waitUntilExit()
                    continuation.resume(returning: process.terminationStatus)
                } catch {
                    continuation.resume(throwing: error)
                }
            }.start()
        }
        // script's own header line names the command; the terminal's bytes follow it.
        let typescript = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let screen = typescript.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first.map(String.init) ?? ""
        return (status, screen)
    }

    @Test func detectShowsWhatItIsWaitingForOnATerminal() async throws {
        try await CLIHarness.with { h in
            h.server.enqueue([.serverError(503), .answer(#"[{"box_2d": [100, 100, 500, 500], "label": "cup"}]"#)], for: .generateContent)
            let (status, screen) = try await onTerminal(h, ["detect", CLIHarness.corpusJPEG])
            #expect(status == 0, "\(screen)")
            #expect(screen.contains("asking gemini-2.5-flash…"), "\(screen)")
            #expect(screen.contains("retry 2/3 in") && screen.contains("(503 overloaded)"), "\(screen.debugDescription)")
            // Erased before the result: the heading starts on a clean line.
            let heading = try #require(screen.range(of: CLIHarness.corpusJPEG))
            // No spinner text is left on the line the output starts on: the last carriage return before it either
            // erased the line or ended one.
            let tail = screen[..<heading.lowerBound].components(separatedBy: "\r").last ?? ""
            #expect(tail.hasPrefix("\u{1B}[K") || tail.hasPrefix("\n"), "\(tail.debugDescription)")
            #expect(!screen[heading.lowerBound...].contains("asking gemini"), "nothing of the spinner after the output starts")
        }
    }

    @Test func aFileNameWithEscapesIsShownSafeWhileUploading() async throws {
        try await CLIHarness.with(config: "inline_limit_mb = 1\n" + CLIHarness.fastRetries) { h in
            let name = "evil\u{1B}]0;pwned\u{07}.jpg"
            let image = try h.file(name, [UInt8](try Data(contentsOf: URL(fileURLWithPath: TestCorpus.path("large/camera_6000x4000.jpg")))))
            h.server.setDefault(.streamedAnswer(["A camera."], delay: .milliseconds(300)), for: .streamGenerateContent)
            let (status, screen) = try await onTerminal(h, ["ask", image, "-p", "what is it?"])
            #expect(status == 0, "\(screen.debugDescription)")
            #expect(screen.contains("uploading evil^[]0;pwned^G.jpg"), "\(screen.debugDescription)")
            #expect(!screen.contains("\u{1B}]0;"), "no title-setting escape reached the terminal")
        }
    }

    @Test func askErasesTheSpinnerBeforeTheFirstWordOfTheAnswer() async throws {
        try await CLIHarness.with { h in
            h.server.enqueue(.streamedAnswer(["A cup ", "of coffee."], delay: .milliseconds(300)), for: .streamGenerateContent)
            let (status, screen) = try await onTerminal(h, ["ask", CLIHarness.corpusJPEG, "-p", "what is it?"])
            #expect(status == 0, "\(screen)")
            let answer = try #require(screen.range(of: "A cup of coffee."))
            #expect(screen[..<answer.lowerBound].contains("asking gemini-2.5-flash…"))
            let tail = screen[..<answer.lowerBound].components(separatedBy: "\r").last ?? ""
            #expect(tail.hasPrefix("\u{1B}[K") || tail.hasPrefix("\n"), "\(tail.debugDescription)")
        }
    }

    @Test func pipedThereIsNoSpinnerAndStdoutHoldsOnlyData() async throws {
        try await CLIHarness.with { h in
            h.server.enqueue([.serverError(503), .answer(#"[{"box_2d": [100, 100, 500, 500], "label": "cup"}]"#)], for: .generateContent)
            let result = try await h.run(["detect", CLIHarness.corpusJPEG])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("asking gemini") && !result.stderr.contains("\r"), "\(result.stderr)")
            // The detections only: the token line and warnings are not data.
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.count == 2, "\(result.stdout)")
            #expect(lines.last?.contains("cup") == true)
            #expect(!result.stdout.contains("tokens:"))
            #expect(result.stderr.contains("tokens:"))
        }
    }
}
