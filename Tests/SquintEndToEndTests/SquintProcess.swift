import Foundation

/// Runs the `squint` executable that `swift build` put in the same folder as this test bundle.
///
/// Every run happens on a thread of its own and is awaited: a blocking wait on the Swift cooperative pool
/// (two threads on a two-core machine) starves the in-process fake server and every other async test.
enum SquintProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The built binary: next to the xctest bundle in `.build/<triple>/debug/`.
    static var binary: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("squint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
        return root.appendingPathComponent(".build/debug/squint")
    }

    /// Runs squint with `arguments` to completion.
    ///
    /// - Parameters:
    ///   - environment: merged over this process's environment, or used alone when `inheritEnvironment` is false.
    ///   - stdin: bytes for standard input (empty otherwise).
    ///   - interruptAfter: sends SIGINT once standard output contains this text.
    static func run(_ arguments: [String], environment: [String: String] = [:], inheritEnvironment: Bool = true,
                    stdin: Data? = nil, interruptAfter marker: String? = nil) async throws -> Result {
        let env = inheritEnvironment ? ProcessInfo.processInfo.environment.merging(environment) { $1 } : environment
        return try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Swift.Result {
                    try runBlocking(arguments, environment: env, stdin: stdin, interruptAfter: marker)
                })
            }.start()
        }
    }

    /// Spawns squint with standard output and error going to files, then waits for its own pid.
    ///
    /// Files, not pipes: a pipe's write end leaks into any child spawned at the same moment by another test
    /// (a tmux server lives for minutes), and reading to end-of-file then waits for that child, not for squint.
    private static func runBlocking(_ arguments: [String], environment: [String: String], stdin: Data?,
                                    interruptAfter marker: String?) throws -> Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("squint-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let outPath = dir.appendingPathComponent("stdout").path, errPath = dir.appendingPathComponent("stderr").path
        let inPath = dir.appendingPathComponent("stdin").path
        try (stdin ?? Data()).write(to: URL(fileURLWithPath: inPath))

        let pid = try ChildProcess.spawn([binary.path] + arguments, environment: environment, stdin: inPath,
                                         stdout: outPath, stderr: .file(errPath))
        var status: Int32 = 0
        if let marker {
            var interrupted = false
            while waitpid(pid, &status, WNOHANG) == 0 {
                if !interrupted, let text = try? String(contentsOfFile: outPath, encoding: .utf8), text.contains(marker) {
                    kill(pid, SIGINT)
                    interrupted = true
                }
                usleep(10_000)
            }
            status = ChildProcess.exitCode(status)
        } else {
            status = ChildProcess.wait(pid)
        }
        return Result(status: status,
                      stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}

