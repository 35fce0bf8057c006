import Foundation
import Testing

/// Runs the real `squint` binary built beside the test bundle.
@Suite struct HelpTests {
    @Test func helpListsEverySubcommand() async throws {
        let result = try await SquintProcess.run(["--help"])
        #expect(result.status == 0)
        for name in ["ask", "models", "files", "view", "detect", "segment", "point", "export", "history"] {
            #expect(result.stdout.contains(name), "help is missing \(name)")
        }
    }
}
