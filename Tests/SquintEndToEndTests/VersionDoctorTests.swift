import Foundation
import GeminiTestServer
import Testing

/// `squint --version` and `squint doctor`: what a bug report needs, without a network and without the key.
@Suite struct VersionDoctorTests {
    @Test func versionNamesTheLibrariesAndNeedsNothing() async throws {
        let result = try await SquintProcess.run(["--version"], environment: ["PATH": "/usr/bin:/bin"], inheritEnvironment: false)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("squint ") == true)
        for library in ["libjpeg-turbo", "libpng", "libwebp", "libheif", "libchafa", "ncurses", "SQLite"] {
            let line = lines.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(library + " ") }
            #expect(line?.split(separator: " ").last?.first?.isNumber == true, "\(library): \(line ?? "missing")")
        }
        #expect(result.stderr.isEmpty)
    }

    @Test func doctorSaysWhereTheKeyComesFromButNeverTheKey() async throws {
        try await CLIHarness.with { h in
            let result = try await h.run(["doctor"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stdout.contains(h.apiKey) && !result.stderr.contains(h.apiKey))
            #expect(result.stdout.contains("key       from GOOGLE_API_KEY"))
            #expect(result.stdout.contains("base URL  \(h.server.baseURL)"))
            #expect(result.stdout.contains("reachable yes ("), "\(result.stdout)")
            #expect(result.stdout.contains("config  \(h.folder.path)/config/squint/config.toml  (readable)"))
            #expect(result.stdout.contains("answered nothing: not a terminal"))
            #expect(h.server.requests(for: .listModels).count >= 1)
        }
    }

    @Test func doctorWithoutANetworkSaysSoAndStillSucceeds() async throws {
        try await CLIHarness.with { h in
            let result = try await h.run(["doctor"], environment: ["GOOGLE_GEMINI_BASE_URL": "http://127.0.0.1:9"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("reachable no: "), "\(result.stdout)")
            let offline = try await h.run(["doctor", "--offline"])
            #expect(offline.stdout.contains("reachable not checked (--offline)"))
        }
    }

    @Test func doctorReportsABrokenConfigAndExits2() async throws {
        try await CLIHarness.with(config: "timeouts = [") { h in
            let result = try await h.run(["doctor", "--offline"])
            #expect(result.status == 2)
            #expect(result.stdout.contains("config  "))
            #expect(result.stdout.contains("  ✗ "), "\(result.stdout)")
            #expect(result.stdout.contains("terminal\n"), "the other checks still run")
        }
    }
}
