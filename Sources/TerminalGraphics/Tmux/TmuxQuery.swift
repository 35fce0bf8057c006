import Foundation

/// Asks the running tmux server what it lets through, by running the `tmux` client once.
enum TmuxQuery {
    /// `tmux display -p` for this pane (`$TMUX_PANE`, so the answer is about the pane Squint runs in even when
    /// another one is active), or nil when there is no tmux to ask.
    static func status(environment: [String: String] = ProcessInfo.processInfo.environment) -> TmuxStatus? {
        var arguments = ["display", "-p"]
        if let pane = environment["TMUX_PANE"], !pane.isEmpty { arguments += ["-t", pane] }
        guard let line = run(arguments + [TmuxStatus.displayFormat]) else { return nil }
        return TmuxStatus(displayLine: line)
    }

    private static func run(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
