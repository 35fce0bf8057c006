import Foundation
import GeminiTestServer
import Testing

/// squint's own writer killed with SIGKILL mid-write: every decision it reported is there (or a later one that
/// was committed just before a kill), and the database stays intact.
@Suite("Store durability under kill -9")
struct StoreKillTests {
    @Test("kill -9 of squint review loses no reported decision and leaves the store intact")
    func killNineOwnWriter() async throws {
        try await withFakeServer("test-key") { server in
            server.enqueue(.answer(#"[{"box_2d": [100, 150, 700, 600], "label": "cat"}, {"box_2d": [750, 50, 980, 950], "label": "laptop"}, {"box_2d": [0, 0, 50, 50], "label": "dust"}]"#), for: .generateContent)
            let (folder, environment) = try SpatialCommandTests.environment(server)
            defer { try? FileManager.default.removeItem(at: folder) }
            let image = folder.appendingPathComponent("cat.png").path
            try FileManager.default.copyItem(atPath: SpatialCommandTests.corpus.appendingPathComponent("orientation/upright.png").path, toPath: image)
            #expect(try await SquintProcess.run(["detect", image], environment: environment).status == 0)

            let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            // Per detection: the states it may be in now (the last reported write, then any attempted after it).
            let allowed: [Int: Set<String>] = try await withCheckedThrowingContinuation { continuation in
                Thread {
                    continuation.resume(with: Result { try Self.writeAndKill(image: image, environment: env, folder: folder) })
                }.start()
            }
            let listed = try await SquintProcess.run(["review", image, "--json"], environment: environment)
            #expect(listed.status == 0, "\(listed.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
            let states = (json["detections"] as? [[String: Any]] ?? []).map { $0["review"] as? String ?? "?" }
            #expect(states.count == 3)
            for (index, state) in states.enumerated() {
                #expect(allowed[index + 1, default: ["pending"]].contains(state), "detection \(index + 1) is \(state), allowed \(allowed[index + 1] ?? [])")
            }
            if Self.hasPythonSQLite {
                let database = folder.appendingPathComponent("data/squint/squint.db").path
                let pid = try ChildProcess.spawn(["python3", "-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])", database],
                                                 searchPath: true, stdout: folder.appendingPathComponent("integrity").path, stderr: .file("/dev/null"))
                #expect(ChildProcess.wait(pid) == 0)
                #expect(try String(contentsOf: folder.appendingPathComponent("integrity"), encoding: .utf8) == "ok\n")
            }
        }
    }

    static var hasPythonSQLite: Bool {
        (try? ChildProcess.wait(ChildProcess.spawn(["python3", "-c", "import sqlite3"], searchPath: true, stdout: "/dev/null", stderr: .file("/dev/null")))) == 0
    }

    /// Runs `squint review` 30 times, killing most of them at a random moment; returns what each detection may be.
    static func writeAndKill(image: String, environment: [String: String], folder: URL) throws -> [Int: Set<String>] {
        var allowed: [Int: Set<String>] = [1: ["pending"], 2: ["pending"], 3: ["pending"]]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<30 {
            let number = round % 3 + 1
            let accept = (round / 3) % 2 == 0
            let out = folder.appendingPathComponent("out-\(round)").path
            let pid = try ChildProcess.spawn([SquintProcess.binary.path, "review", image, accept ? "--accept" : "--reject", String(number)],
                                             environment: environment, stdout: out, stderr: .file(out + ".err"))
            let state = accept ? "accepted" : "rejected"
            allowed[number, default: []].insert(state)  // may commit even when killed
            if round % 5 != 4 {
                usleep(UInt32.random(in: 0...60_000, using: &generator))
                kill(pid, SIGKILL)
            }
            if ChildProcess.wait(pid) == 0 {
                allowed[number] = [state]  // reported: nothing earlier may show any more
            }
        }
        return allowed
    }
}
