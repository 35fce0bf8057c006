import Foundation
import GeminiTestServer
import Testing

/// stdout holds only data, for every subcommand: run each with stderr kept apart and check stdout parses as what
/// the command prints, with nothing of the notes, progress or usage lines that belong on stderr.
@Suite struct StreamsContractTests {
    @Test func everySubcommandKeepsNotesOffStdout() async throws {
        try await CLIHarness.with { h in
            let image = CLIHarness.corpusJPEG
            h.server.enqueue(.streamedAnswer(["A cup ", "of coffee."]), for: .streamGenerateContent)
            h.server.enqueue(.answer(#"[{"box_2d": [100, 100, 500, 500], "label": "cup"}]"#), for: .generateContent)
            h.server.seedFile(displayName: "cat.png", mimeType: "image/png", sizeBytes: 2048)
            let runs: [(arguments: [String], check: (String) -> Bool)] = [
                (["ask", image, "-p", "what?"], { $0 == "A cup of coffee.\n" }),
                (["detect", image], { $0.split(separator: "\n").count == 2 && $0.contains("cup") }),
                (["models"], { $0.split(separator: "\n").allSatisfy { $0.hasPrefix("gemini-") } }),
                (["files", "list"], { $0.hasPrefix("files/") }),
                (["history"], { $0.contains("detect  \"") && $0.contains("question  \"what?\"") }),
                (["review", image, "--list"], { $0.hasPrefix("1  pending") }),
                (["export", "--format", "coco", "--out", "-"], { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil }),
                (["export", "--format", "jsonl"], { $0.split(separator: "\n").allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil } }),
                (["view", image, "--protocol", "ascii", "--cols", "20", "--rows", "6"], { $0.split(separator: "\n").count == 6 }),
                (["batch", image, "--task", "caption", "--dry-run"], { $0.hasPrefix("1 image: 1 to ask") }),
                (["batch", image, "--task", "caption"], { $0.hasPrefix(image + ": ") && $0.split(separator: "\n").count == 1 }),
                (["batch", image, "--task", "caption", "--redo", "--json"], { $0.split(separator: "\n").count == 2 && $0.contains("\"summary\"") }),
                (["batch", "status", "--offline"], { $0.isEmpty }),
                (["export", "--format", "jsonl", "--out", h.folder.appendingPathComponent("e.jsonl").path], { $0.isEmpty }),
                (["import", "--format", "jsonl", h.folder.appendingPathComponent("e.jsonl").path, "--json"], { $0.hasPrefix("{\"boxes\":1,") }),
                (["doctor", "--offline"], { $0.hasPrefix("squint\n") }),
                (["--version"], { $0.hasPrefix("squint ") }),
            ]
            for run in runs {
                let result = try await h.run(run.arguments)
                #expect(result.status == 0, "\(run.arguments): \(result.stderr)")
                #expect(!result.stdout.contains("squint: "), "\(run.arguments) wrote a note on stdout: \(result.stdout)")
                #expect(!result.stdout.contains("tokens:") && !result.stdout.contains(" tokens, ") && !result.stdout.contains("exported "), "\(run.arguments): \(result.stdout)")
                #expect(run.check(result.stdout), "\(run.arguments) stdout: \(result.stdout.prefix(300))")
            }
            // The notes are there, on stderr.
            let exported = try await h.run(["export", "--format", "coco", "--out", "-"])
            #expect(exported.stderr.contains("exported 1 image") && exported.stderr.contains("to standard output"), "\(exported.stderr)")
            #expect(!FileManager.default.fileExists(atPath: h.folder.appendingPathComponent("-").path))
        }
    }
}
