import Foundation
import GeminiTestServer
import Testing

/// One error format for every subcommand: `squint: SUBJECT: reason` on one line of stderr, nothing on stdout, and
/// the exit status from the one table.
@Suite struct ErrorContractTests {
    struct Case: Sendable, CustomStringConvertible {
        var arguments: [String]
        var status: Int32
        /// What the one line must say after `squint: `.
        var line: String
        var environment: [String: String] = [:]
        var description: String { arguments.joined(separator: " ") }
    }

    static let missing = "/nonexistent-\(UUID().uuidString.prefix(6))/nope.png"

    static let cases: [Case] = [
        Case(arguments: ["ask", missing, "-p", "what?"], status: 2, line: "\(missing): cannot read the image: no such file"),
        Case(arguments: ["detect", missing], status: 2, line: "\(missing): cannot read the image: no such file"),
        Case(arguments: ["history", missing], status: 2, line: "\(missing): no such file"),
        Case(arguments: ["view", missing, "--protocol", "ascii"], status: 2, line: "\(missing): no such file"),
        Case(arguments: ["review", missing, "--list"], status: 2, line: "\(missing): no such file"),
        Case(arguments: ["/nonexistent-folder-xyz"], status: 2, line: "/nonexistent-folder-xyz: no such folder"),
        Case(arguments: ["models"], status: 3, line: "", environment: ["GOOGLE_API_KEY": "wrong"]),
        Case(arguments: ["models"], status: 4, line: "", environment: ["GOOGLE_GEMINI_BASE_URL": "http://127.0.0.1:9"]),
    ]

    @Test(arguments: cases) func oneLineWithTheRightStatus(_ c: Case) async throws {
        try await CLIHarness.with { h in
            let result = try await h.run(c.arguments, environment: c.environment)
            #expect(result.status == c.status, "\(result.stderr)")
            #expect(result.stdout.isEmpty, "nothing on stdout: \(result.stdout)")
            let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(lines.count == 1, "one line: \(result.stderr)")
            #expect(lines.first?.hasPrefix("squint: ") == true)
            if !c.line.isEmpty { #expect(lines.first.map(String.init) == "squint: " + c.line) }
        }
    }

    @Test func usageErrorsShowTheirOwnCommandsUsage() async throws {
        try await CLIHarness.with { h in
            let root = try await h.run(["--bogus"])
            #expect(root.status == 2)
            #expect(root.stderr.hasPrefix("squint: unknown option '--bogus'\n"), "\(root.stderr)")
            #expect(root.stderr.contains("Usage: squint [<folder>]") && !root.stderr.contains("squint browse"))
            let ask = try await h.run(["ask", "a.png"])
            #expect(ask.status == 2)
            #expect(ask.stderr.hasPrefix("squint: missing expected argument '--prompt <prompt>'"), "\(ask.stderr)")
            #expect(ask.stderr.contains("Usage: squint ask "))
        }
    }
}
