import Foundation

/// A copy of the terminal's terminfo entry without the capabilities that scroll screen lines, for curses.
///
/// When a pane's text moves up, curses finds screen lines that look shifted and scrolls them with a scroll region
/// (`csr`) or line insert/delete (`il`, `dl`), then repaints what differs. A scroll region spans the whole width of
/// the screen, so the terminal also moves, or wipes, the picture written beside that pane behind curses' back: a
/// sixel turned into black bands while an answer streamed. Without those capabilities curses rewrites the changed
/// cells instead, and never touches the picture's. ncurses has no switch for this, so the entry is compiled once
/// per terminal type (`infocmp` and `tic` are in every ncurses install) into Squint's cache and used through
/// `TERMINFO` while curses starts.
enum ScrollFreeTerminfo {
    /// The capabilities curses scrolls with.
    static let removed: Set<String> = ["csr", "ind", "ri", "indn", "rin", "il", "il1", "dl", "dl1"]

    /// The folder holding the entry for `term` (compiled on first use), or nil when it cannot be made; curses then
    /// uses the system's entry as it is.
    static func directory(term: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard !term.isEmpty, term.allSatisfy({ $0.isLetter || $0.isNumber || "-_.+".contains($0) }) else { return nil }
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.cache" }
        guard let base else { return nil }
        let folder = base + "/squint/terminfo"
        // tic stores an entry under its first letter (or its hex code on some systems).
        let first = String(term.prefix(1))
        let hex = String(format: "%02x", term.utf8.first ?? 0)
        for sub in [first, hex] where FileManager.default.fileExists(atPath: "\(folder)/\(sub)/\(term)") { return folder }
        guard let source = run("infocmp", ["-x", "-1", term]) else { return nil }
        let kept = source.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            let field = line.trimmingCharacters(in: .whitespaces)
            guard let name = field.split(whereSeparator: { $0 == "=" || $0 == "#" || $0 == "," }).first else { return true }
            return !removed.contains(String(name))
        }
        // Compiled in a folder of this process's own, then renamed into place: two squints starting at once never
        // read a half-written entry.
        let manager = FileManager.default
        let scratch = folder + "/.build-\(getpid())"
        defer { try? manager.removeItem(atPath: scratch) }
        do {
            try manager.createDirectory(atPath: scratch, withIntermediateDirectories: true)
            let file = scratch + "/entry.src"
            try kept.joined(separator: "\n").write(toFile: file, atomically: false, encoding: .utf8)
            guard run("tic", ["-x", "-o", scratch, file]) != nil else { return nil }
            for sub in [first, hex] where manager.fileExists(atPath: "\(scratch)/\(sub)/\(term)") {
                try manager.createDirectory(atPath: "\(folder)/\(sub)", withIntermediateDirectories: true)
                guard rename("\(scratch)/\(sub)/\(term)", "\(folder)/\(sub)/\(term)") == 0 else { return nil }
                return folder
            }
        } catch {
            return nil
        }
        return nil
    }

    /// Runs a tool with its output in a file (a pipe's write end can leak into another child and keep the read
    /// waiting), giving up after two seconds.
    private static func run(_ tool: String, _ arguments: [String]) -> String? {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("squint-\(tool)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard FileManager.default.createFile(atPath: output.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: output) else { return nil }
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        try? handle.close()
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning {
            process.terminate()
            return nil
        }
        guard process.terminationStatus == 0 else { return nil }
        return try? String(contentsOf: output, encoding: .utf8)
    }
}
