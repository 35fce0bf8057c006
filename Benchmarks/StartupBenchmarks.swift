import Foundation

/// `startup` (issue 9): the first screen of a 20 000-image folder, as a whole `squint DIR` process in tmux —
/// from spawning the process to the first frame that shows the file list (target ≤ 150 ms).
///
/// A private tmux server is started first, so its own start-up is not counted; each run opens a new
/// session running squint and polls `tmux capture-pane` until the list's first names are on screen (the
/// polling resolution is a few milliseconds). The folder holds empty files: listing must not open them, and
/// the first preview failing on an empty file does not delay the list. All runs share one home (store,
/// terminfo cache), as a person's runs do; the first run, which creates them, is a warm-up and not counted.
struct StartupBenchmarks {
    let squint: String
    let runs = 7
    let imageCount = 20_000

    func run() {
        let fileManager = FileManager.default
        let root = fileManager.temporaryDirectory.appendingPathComponent("squint-startup-\(UUID().uuidString.prefix(8))")
        let folder = root.appendingPathComponent("photos")
        defer { try? fileManager.removeItem(at: root) }
        do {
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
            for index in 1...imageCount {
                guard fileManager.createFile(atPath: folder.appendingPathComponent("img\(index).jpg").path, contents: nil) else {
                    throw CocoaError(.fileWriteUnknown)
                }
            }
        } catch {
            print("startup: cannot create the folder (\(error))")
            return
        }
        let socket = "squint-bench-\(getpid())"
        guard tmux(socket, ["-f", "/dev/null", "new-session", "-d", "-s", "idle", "-x", "160", "-y", "48"]) != nil else {
            print("startup: tmux is needed for this benchmark")
            return
        }
        defer { _ = tmux(socket, ["kill-server"]) }

        var times: [Double] = []
        let home = root.appendingPathComponent("home")
        try? fileManager.createDirectory(at: home, withIntermediateDirectories: true)
        for run in 0..<runs {
            let command = ["env", "-u", "GEMINI_API_KEY", "HOME=\(home.path)", "XDG_CONFIG_HOME=\(home.path)/c",
                           "XDG_STATE_HOME=\(home.path)/s", "XDG_DATA_HOME=\(home.path)/d", "TERM=tmux-256color",
                           squint, folder.path].map(shellQuoted).joined(separator: " ")
            let session = "run\(run)"
            let start = DispatchTime.now().uptimeNanoseconds
            _ = tmux(socket, ["new-session", "-d", "-s", session, "-x", "160", "-y", "48", command])
            var elapsed: Double?
            while elapsed == nil {
                let now = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                if now > 10_000 { break }
                let screen = tmux(socket, ["capture-pane", "-p", "-t", session]) ?? ""
                // The first two names in natural order: the list is drawn, not just the frame around it.
                if screen.contains("img1.jpg") && screen.contains("img2.jpg") {
                    elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                } else {
                    usleep(2_000)
                }
            }
            _ = tmux(socket, ["kill-session", "-t", session])
            guard let elapsed else {
                print("startup: squint showed no list within 10 s")
                return
            }
            // The first run creates the store and the terminfo cache: keep it out.
            if run > 0 { times.append(elapsed) }
        }
        times.sort()
        print(String(format: "%-58@ median %.0f ms (min %.0f, max %.0f; target ≤ 150 ms)",
                     "first screen of a 20 000-image folder, whole process in tmux" as NSString,
                     times[times.count / 2], times.first ?? 0, times.last ?? 0))
    }

    /// Runs `tmux -L socket args…` (posix_spawn, waitpid) and returns its standard output, or nil when it failed.
    /// Only `capture-pane`'s output goes through a pipe: the server the first command forks would hold any pipe
    /// open for good.
    private func tmux(_ socket: String, _ arguments: [String]) -> String? {
        let argv = ["tmux", "-L", socket] + arguments
        var pipeEnds: [Int32] = [-1, -1]
        let capture = arguments.first == "capture-pane"
        if capture { guard pipe(&pipeEnds) == 0 else { return nil } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
            posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, nil, &cArguments, environ)
        var output = Data()
        if capture {
            close(pipeEnds[1])
            if spawned == 0 {
                var buffer = [UInt8](repeating: 0, count: 65536)
                while true {
                    let count = read(pipeEnds[0], &buffer, buffer.count)
                    if count <= 0 { break }
                    output.append(contentsOf: buffer[0..<count])
                }
            }
            close(pipeEnds[0])
        }
        guard spawned == 0 else { return nil }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return status == 0 ? String(decoding: output, as: UTF8.self) : nil
    }

    private func shellQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
