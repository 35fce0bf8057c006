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

    private static func runBlocking(_ arguments: [String], environment: [String: String], stdin: Data?,
                                    interruptAfter marker: String?) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read stderr concurrently so a full pipe cannot stall the child.
        let errBox = DataBox()
        let errReader = Thread { errBox.set(err.fileHandleForReading.readDataToEndOfFile()) }
        errReader.start()
        var stdout = Data()
        var interrupted = false
        while true {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            stdout.append(chunk)
            if let marker, !interrupted, String(decoding: stdout, as: UTF8.self).contains(marker) {
                process.interrupt()
                interrupted = true
            }
        }
        process.waitUntilExit()
        while !errReader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: errBox.get(), as: UTF8.self))
    }
}

/// Bytes handed from a reader thread to the waiting test.
final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
