import Foundation
import GeminiTestServer
import TestCorpus

/// One end-to-end scenario: a fake server, a private temp folder with a config of tiny retry backoffs, and
/// a clean environment (no proxy variables or real keys leak in from the machine running the tests).
struct CLIHarness {
    let server: FakeGeminiServer
    let folder: URL
    let apiKey: String

    static let fastRetries = """
        [retry]
        max_attempts = 3
        initial_backoff = "10ms"
        max_backoff = "20ms"
        max_retry_delay = "5s"

        [timeouts]
        connect = 5
        stream_idle = 20
        """

    /// Runs `body` with a fresh server (checking `apiKey`) and folder, cleaning both up afterwards.
    static func with<T>(config: String = fastRetries, _ body: (CLIHarness) async throws -> T) async throws -> T {
        let key = "AIzaTEST-\(UUID().uuidString)"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("squint-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("config/squint"), withIntermediateDirectories: true)
        try config.write(to: folder.appendingPathComponent("config/squint/config.toml"), atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await withFakeServer(key) { server in
            try await body(CLIHarness(server: server, folder: folder, apiKey: key))
        }
    }

    /// The environment squint runs with: key, base URL and config folder, nothing else from this process but PATH.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": folder.path,
            "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path,
            "GOOGLE_API_KEY": apiKey,
            "GOOGLE_GEMINI_BASE_URL": server.baseURL,
            "LANG": "C.UTF-8",
        ]
        env.merge(extra) { $1 }
        return env.filter { !$0.value.isEmpty }
    }

    /// Writes bytes into the folder and returns the path.
    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// A real JPEG from the shared corpus.
    static var corpusJPEG: String {
        TestCorpus.path("formats/coffee_baseline.jpg")
    }

    static var corpusPNG: String {
        TestCorpus.path("formats/coffee_alpha.png")
    }

    /// Runs squint to completion with exactly this harness's environment.
    func run(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> SquintProcess.Result {
        try await SquintProcess.run(arguments, environment: environment(extra), inheritEnvironment: false)
    }
}

extension CLIHarness {
    /// Starts squint, sends SIGINT once its stdout contains `marker`, and waits for it to exit.
    func runInterrupting(_ arguments: [String], after marker: String) async throws -> SquintProcess.Result {
        try await SquintProcess.run(arguments, environment: environment(), inheritEnvironment: false, interruptAfter: marker)
    }

    /// The parts of the first streamed (or unary) request the server received.
    func sentParts(_ route: FakeRoute = .streamGenerateContent) -> [[String: Any]] {
        let body = server.requests(for: route).first?.jsonObject()
        let contents = body?["contents"] as? [[String: Any]]
        return contents?.first?["parts"] as? [[String: Any]] ?? []
    }
}
