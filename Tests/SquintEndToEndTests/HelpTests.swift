import Foundation
import Testing

/// Runs the real `squint` binary built beside the test bundle.
@Suite struct HelpTests {
    @Test func helpListsEverySubcommand() async throws {
        let result = try await SquintProcess.run(["--help"])
        #expect(result.status == 0)
        for name in ["ask", "models", "files", "view", "detect", "segment", "point", "batch", "export", "eval", "history"] {
            #expect(result.stdout.contains(name), "help is missing \(name)")
        }
    }
}

/// What `--help` promises a newcomer, and the completion scripts `make install` puts in place.
@Suite struct HelpContractTests {
    @Test func rootHelpShowsTheFolderFormTheEnvironmentAndExamples() async throws {
        let result = try await SquintProcess.run(["--help"], environment: ["COLUMNS": "80"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: squint [<dir>]"), "\(result.stdout)")
        for variable in ["GEMINI_API_KEY", "GOOGLE_API_KEY", "GOOGLE_GEMINI_BASE_URL", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "SQUINT_LOG", "NO_COLOR"] {
            #expect(result.stdout.contains(variable), "help does not mention \(variable)")
        }
        let examples = result.stdout.components(separatedBy: "EXAMPLES").last ?? ""
        #expect(examples.split(separator: "\n").filter { $0.hasPrefix("  squint ") }.count == 4, "\(examples)")
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 }, "no line runs on")
    }

    @Test func everyModelOptionDescribesTheDefaultTheSameWay() async throws {
        var seen: Set<String> = []
        for command in [["ask"], ["detect"], ["segment"], ["point"], ["browse"]] {
            let help = try await SquintProcess.run(command + ["--help"], environment: ["COLUMNS": "200"])
            let line = help.stdout.split(separator: "\n").first { $0.contains("--model <model>") && $0.contains("default") }
            #expect(line != nil, "\(command) --help has no --model default")
            seen.insert(String(line?.split(separator: " ", maxSplits: 2).last ?? "").trimmingCharacters(in: .whitespaces))
        }
        #expect(seen.count == 1, "\(seen)")
    }

    @Test(arguments: ["bash", "zsh", "fish"]) func completionScriptsGenerate(_ shell: String) async throws {
        let result = try await SquintProcess.run(["--generate-completion-script", shell])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("detect") && result.stdout.contains("doctor"))
    }
}

/// Every option that has a default names it the same way in `--help`: "(default: …)".
@Suite struct HelpDefaultsTests {
    @Test(arguments: ["ask", "models", "files", "view", "detect", "segment", "point", "batch", "batch run", "review", "export", "eval", "history", "doctor", "browse"])
    func defaultsAreWordedOneWay(_ command: String) async throws {
        let help = try await SquintProcess.run(command.split(separator: " ").map(String.init) + ["--help"], environment: ["COLUMNS": "400"])
        #expect(help.status == 0)
        // The OPTIONS section only (SUBCOMMANDS marks its default one "(default)", ArgumentParser's own wording).
        let options = (help.stdout.components(separatedBy: "OPTIONS:").last ?? "").components(separatedBy: "SUBCOMMANDS:").first ?? ""
        for line in options.split(separator: "\n") where line.lowercased().contains("default") {
            #expect(line.contains("(default: "), "\(command): \(line)")
        }
    }
}
