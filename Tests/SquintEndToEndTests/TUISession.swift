import Foundation
import TestCorpus

/// The real `squint` binary running inside its own tmux server (own socket), driven with `send-keys` and read
/// with `capture-pane`, the way a person sees it without graphics.
final class TUISession {
    enum Failure: Error, CustomStringConvertible {
        case timeout(String, screen: String)
        case tmux(String)
        var description: String {
            switch self {
            case .timeout(let what, let screen): return "timed out waiting for \(what); screen was:\n\(screen)"
            case .tmux(let message): return "tmux: \(message)"
            }
        }
    }

    let socket: String
    let home: URL
    let session = "squint"
    /// Whether `home` was made here (and is removed on close) rather than handed in to be reused.
    private let ownsHome: Bool

    /// Starts `squint ARGS` at `columns`×`rows` with an isolated XDG data/config home (reused when given).
    init(_ arguments: [String], columns: Int = 120, rows: Int = 40, environment: [String: String] = [:],
         home: URL? = nil) throws {
        let id = UUID().uuidString.prefix(8)
        socket = "/tmp/squint-tui-\(id).sock"
        ownsHome = home == nil
        self.home = home ?? FileManager.default.temporaryDirectory.appendingPathComponent("squint-tui-home-\(id)")
        try FileManager.default.createDirectory(at: self.home, withIntermediateDirectories: true)
        var env: [String: String] = [
            "XDG_DATA_HOME": self.home.appendingPathComponent("data").path,
            "XDG_CONFIG_HOME": self.home.appendingPathComponent("config").path,
            "XDG_CACHE_HOME": self.home.appendingPathComponent("cache").path,
            "HOME": self.home.path,
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "GEMINI_API_KEY": "",
        ]
        for (key, value) in environment { env[key] = value }
        let exports = env.map { "\($0.key)=\(TUISession.quote($0.value))" }.joined(separator: " ")
        let command = ([SquintProcess.binary.path] + arguments).map(TUISession.quote).joined(separator: " ")
        // After squint exits the pane stays, so the test can see what the terminal was left with.
        let shell = "env -u TMUX \(exports) \(command); echo; echo \"[exit $?]\"; sleep 600"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(columns)", "-y", "\(rows)", shell])
    }

    deinit { close() }

    func close() {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: socket)
        if ownsHome { try? FileManager.default.removeItem(at: home) }
    }

    /// The first child of `parent` (the shell tmux started runs squint as its child), read from /proc.
    static func childProcess(of parent: Int32) -> Int32? {
        guard let tasks = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(parent)/task") else { return nil }
        for task in tasks {
            guard let text = try? String(contentsOfFile: "/proc/\(parent)/task/\(task)/children", encoding: .utf8) else { continue }
            if let first = text.split(separator: " ").first, let pid = Int32(first) { return pid }
        }
        return nil
    }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs one tmux command and returns its output.
    ///
    /// Through `ChildProcess`: the tmux server forked by the first command must inherit nothing of the tests.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("squint-tmux-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let argv = ["tmux", "-S", socket] + arguments
        let exited = ChildProcess.wait(try ChildProcess.spawn(argv, searchPath: true, stdout: output.path,
                                                              stderr: .sameAsStandardOutput))
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        if exited != 0 { throw Failure.tmux("\(arguments.first ?? ""): \(text)") }
        return text
    }

    /// Keys in tmux syntax (`j`, `Enter`, `Escape`, `C-c`, `Up`).
    func press(_ keys: String...) throws {
        for key in keys { try tmux(["send-keys", "-t", session, key]) }
    }

    /// Literal text.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", session, "-l", text]) }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", session]) }

    /// Polls the pane until `predicate` holds (no fixed sleeps), failing with the last screen after `timeout`.
    ///
    /// Waits with `Task.sleep`, never `Thread.sleep`: a test blocking the cooperative pool (two threads here)
    /// starves the in-process fake server and every other test running beside it.
    @discardableResult
    func waitUntil(_ what: String, timeout: Double = 60, _ predicate: (String) -> Bool) async throws -> String {
        try await ScreenPolling.waitUntil(what, timeout: timeout, screen: screen, predicate)
    }

    @discardableResult
    func waitFor(_ text: String, timeout: Double = 30) async throws -> String {
        try await waitUntil("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", session, "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// The pane's terminal modes after squint exited: alternate screen off, cursor visible.
    func paneFlags() throws -> (alternate: Bool, cursorVisible: Bool) {
        let text = try tmux(["display-message", "-p", "-t", session, "#{alternate_on} #{cursor_flag}"])
        let parts = text.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return (parts.first == "1", parts.count > 1 && parts[1] == "1")
    }
}

/// Temporary folders with images copied from the shared corpus.
enum TUIFixtures {
    static let corpus = TestCorpus.root

    /// A fresh folder holding `names` copied from corpus/photos, optionally under new names.
    static func folder(_ photos: [(String, String)]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("squint-tui-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (source, name) in photos {
            try FileManager.default.copyItem(at: corpus.appendingPathComponent("photos/\(source)"), to: dir.appendingPathComponent(name))
        }
        return dir
    }
}
