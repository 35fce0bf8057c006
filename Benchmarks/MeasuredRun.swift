import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One child process, timed, with its peak resident set.
enum MeasuredRun {
    /// Runs `command` with stdout to `stdout` and stderr to /dev/null; returns seconds and peak RSS in KB, or nil
    /// when it could not start or failed.
    ///
    /// The peak comes from GNU time's `%M` when it is installed: Linux hands a forked child the
    /// parent's RSS high-water mark, so wait4's ru_maxrss for a child of this (large) process would
    /// report our own size; `time` forks the command from its own small process.
    static func spawn(_ command: [String], stdout: String, environment: [String: String]? = nil) -> (seconds: Double, kilobytes: Int)? {
        let timeTool = "/usr/bin/time"
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("squint-bench-rss-\(getpid())")
        defer { try? FileManager.default.removeItem(at: report) }
        let useTime = FileManager.default.isExecutableFile(atPath: timeTool)
        let full = useTime ? [timeTool, "-f", "%M", "-o", report.path] + command : command
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = full.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        let variables = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { variables?.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now()
        let spawned = variables.map { posix_spawnp(&pid, full[0], &actions, nil, arguments, $0) } ?? posix_spawnp(&pid, full[0], &actions, nil, arguments, environ)
        guard spawned == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { return nil }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        guard status == 0 else {
            print("  \(command[0]) exited with status \(status)")
            return nil
        }
        if useTime, let text = try? String(contentsOf: report, encoding: .utf8),
           let kilobytes = text.split(separator: "\n").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
            return (seconds, kilobytes)
        }
        return (seconds, Int(usage.ru_maxrss))
    }
}
