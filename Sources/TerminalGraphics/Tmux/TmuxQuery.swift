import Foundation

/// Asks the running tmux server what it lets through, by running the `tmux` client.
enum TmuxQuery {
    static func status() -> TmuxStatus? {
        guard let line = run(["display", "-p", "#{sixel_support}|#{client_termfeatures}|#{client_termname}"]) else {
            return nil
        }
        let passthrough = run(["show", "-gv", "allow-passthrough"]) ?? "off"
        return TmuxStatus(displayLine: line, allowPassthrough: passthrough)
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
