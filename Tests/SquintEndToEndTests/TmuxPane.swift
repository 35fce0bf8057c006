import Foundation

/// A shell command in a pane of its own tmux server (own socket) that squint *knows* is tmux: unlike
/// `TUISession`, `TMUX` and `TMUX_PANE` are kept, so the probe, the passthrough and the placeholders are the ones
/// a person inside tmux gets. The pane starts with a known title, so a test can tell whether squint changed it.
final class TmuxPane {
    static let title = "squint-e2e-title"

    let socket: String
    let home: URL
    let session = "pane"

    /// Starts `command` (a shell line; squint's environment is isolated in `home`) with `allow-passthrough` as given.
    init(_ command: String, passthrough: Bool, columns: Int = 100, rows: Int = 30) throws {
        let id = UUID().uuidString.prefix(8)
        socket = "/tmp/squint-pane-\(id).sock"
        home = FileManager.default.temporaryDirectory.appendingPathComponent("squint-pane-home-\(id)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let config = home.appendingPathComponent("tmux.conf")
        try "set -g allow-passthrough \(passthrough ? "on" : "off")\n".write(to: config, atomically: true, encoding: .utf8)
        let env: [String: String] = [
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_CACHE_HOME": home.appendingPathComponent("cache").path,
            "HOME": home.path, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "GEMINI_API_KEY": "",
        ]
        let exports = env.map { "\($0.key)=\(TUISession.quote($0.value))" }.joined(separator: " ")
        // The title first (OSC 2), then squint; the pane stays after it exits so the test can look at it.
        let shell = "printf '\\033]2;\(Self.title)\\033\\\\'; export \(exports); \(command); echo; echo \"[exit $?]\"; sleep 600"
        try tmux(["-f", config.path, "new-session", "-d", "-s", session, "-x", "\(columns)", "-y", "\(rows)", shell])
    }

    deinit { close() }

    func close() {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: socket)
        try? FileManager.default.removeItem(at: home)
    }

    /// The squint binary, quoted for the shell line.
    static var squint: String { TUISession.quote(SquintProcess.binary.path) }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("squint-pane-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let exited = ChildProcess.wait(try ChildProcess.spawn(["tmux", "-S", socket] + arguments, searchPath: true,
                                                              stdout: output.path, stderr: .sameAsStandardOutput))
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        if exited != 0 { throw TUISession.Failure.tmux("\(arguments.first ?? ""): \(text)") }
        return text
    }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", session]) }

    func paneTitle() throws -> String {
        try tmux(["display-message", "-p", "-t", session, "#{pane_title}"]).trimmingCharacters(in: .newlines)
    }

    func press(_ keys: String...) throws {
        for key in keys { try tmux(["send-keys", "-t", session, key]) }
    }

    /// Polls the pane until `predicate` holds, failing with the last screen after `timeout` (Task.sleep, as in
    /// `TUISession.waitUntil`, so the cooperative pool is not blocked). Two minutes: the whole suite on two cores
    /// shared with other builds has kept a first screen waiting over a minute.
    @discardableResult
    func waitUntil(_ what: String, timeout: Double = 120, _ predicate: (String) -> Bool) async throws -> String {
        try await ScreenPolling.waitUntil(what, timeout: timeout, screen: screen, predicate)
    }

    /// Where the kitty placeholder cells (U+10EEEE) are: for each screen row holding any, the display column of
    /// the first and how many there are. Diacritics (combining marks) take no column.
    static func placeholderCells(_ screen: String) -> [(row: Int, column: Int, count: Int)] {
        var found: [(Int, Int, Int)] = []
        for (row, line) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var column = 0
            var first: Int?
            var count = 0
            for scalar in line.unicodeScalars {
                if scalar.value == 0x10EEEE {
                    if first == nil { first = column }
                    count += 1
                }
                if scalar.properties.generalCategory != .nonspacingMark { column += 1 }
            }
            if let first { found.append((row, first, count)) }
        }
        return found
    }
}
