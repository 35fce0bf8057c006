import Foundation
import Testing
@testable import SquintCore

@Suite("Store durability")
struct StoreCrashTests {
    /// A writer killed with SIGKILL mid-stream loses nothing it had committed, and the database stays intact.
    /// The writer is a python3 child using the same database file (WAL, as the store left it): each row it
    /// reports on stdout was committed before it reported it.
    @Test("kill -9 of a writer loses no committed row", .enabled(if: Python.canImport("sqlite3"), "python3 with sqlite3 is not available"))
    func killNine() async throws {
        let folder = try TestPaths.temporaryDirectory()
        let url = folder.appendingPathComponent("squint.db")
        _ = try Store(url: url)
        let script = """
            import sqlite3, sys, itertools
            db = sqlite3.connect(sys.argv[1], isolation_level=None)
            db.execute("PRAGMA busy_timeout = 10000")
            for i in itertools.count():
                db.execute("BEGIN IMMEDIATE")
                db.execute("INSERT INTO images (path, contentHash, byteSize, modified) VALUES (?, 'h', 1, 0)", ("/crash/%06d" % i,))
                db.execute("COMMIT")
                print(i, flush=True)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, url.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var received = ""
        while received.split(separator: "\n").count < 50 {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let reported = received.split(separator: "\n").filter { !$0.isEmpty }.count
        #expect(reported >= 50)

        let reopened = try Store(url: url)
        let paths = try await reopened.knownImagePaths()
        #expect(paths.count >= reported)
        let integrity = try await reopened.database.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
        let mode = try await reopened.database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }
}
