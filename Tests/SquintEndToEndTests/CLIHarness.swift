import Foundation
import GeminiTestServer

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
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/corpus/formats/coffee_baseline.jpg").standardized.path
    }

    static var corpusPNG: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/corpus/formats/coffee_alpha.png").standardized.path
    }

    /// Runs squint to completion off the Swift concurrency threads (the in-process server needs those).
    func run(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> SquintProcess.Result {
        let env = environment(extra)
        return try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try SquintProcess.run(arguments, cleanEnvironment: env) })
            }.start()
        }
    }
}

extension SquintProcess {
    /// Like `run`, but with exactly `cleanEnvironment` instead of this process's environment merged in.
    static func run(_ arguments: [String], cleanEnvironment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = cleanEnvironment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errBox = DataBox()
        let errReader = Thread { errBox.set(err.fileHandleForReading.readDataToEndOfFile()) }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errReader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errBox.get(), as: UTF8.self))
    }
}

extension CLIHarness {
    /// Starts squint, sends SIGINT once its stdout contains `marker`, and waits for it to exit.
    func runInterrupting(_ arguments: [String], after marker: String) async throws -> SquintProcess.Result {
        let env = environment()
        return try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result {
                    let process = Process()
                    process.executableURL = SquintProcess.binary
                    process.arguments = arguments
                    process.environment = env
                    let out = Pipe(), err = Pipe()
                    process.standardOutput = out
                    process.standardError = err
                    process.standardInput = FileHandle.nullDevice
                    try process.run()
                    let errBox = DataBox()
                    let errReader = Thread { errBox.set(err.fileHandleForReading.readDataToEndOfFile()) }
                    errReader.start()
                    var stdout = Data()
                    var sent = false
                    while true {
                        let chunk = out.fileHandleForReading.availableData
                        if chunk.isEmpty { break }
                        stdout.append(chunk)
                        if !sent, String(decoding: stdout, as: UTF8.self).contains(marker) {
                            process.interrupt()
                            sent = true
                        }
                    }
                    process.waitUntilExit()
                    while !errReader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
                    return SquintProcess.Result(status: process.terminationStatus,
                                                stdout: String(decoding: stdout, as: UTF8.self),
                                                stderr: String(decoding: errBox.get(), as: UTF8.self))
                })
            }.start()
        }
    }

    /// The parts of the first streamed (or unary) request the server received.
    func sentParts(_ route: FakeRoute = .streamGenerateContent) -> [[String: Any]] {
        let body = server.requests(for: route).first?.jsonObject()
        let contents = body?["contents"] as? [[String: Any]]
        return contents?.first?["parts"] as? [[String: Any]] ?? []
    }
}
