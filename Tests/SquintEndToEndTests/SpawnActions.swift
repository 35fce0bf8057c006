import Foundation

/// Starts a child process for the end-to-end tests: standard streams from and to files, nothing else inherited.
///
/// posix_spawn rather than Foundation's Process, for three reasons seen as hangs in the full suite:
/// - a long-lived child (a tmux server) would keep other tests' sockets and pipe ends open, so their readers
///   would wait for it instead of for their own peer — every descriptor from 3 up is closed in the child;
/// - test threads block most signals, and a child inherits that mask — a tmux server that cannot see SIGHUP or
///   SIGTERM never goes away, and squint could not be interrupted — the mask is emptied and dispositions reset;
/// - Process's exit watcher is itself an inherited descriptor.
enum ChildProcess {
    enum Stream {
        case file(String)
        case sameAsStandardOutput
    }

    static func spawn(_ argv: [String], environment: [String: String]? = nil, searchPath: Bool = false,
                      stdin: String = "/dev/null", stdout: String, stderr: Stream) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        switch stderr {
        case .file(let path): posix_spawn_file_actions_addopen(&actions, 2, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        case .sameAsStandardOutput: posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        closeFrom3(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in cArgs + cEnv { free(pointer) } }
        var pid: pid_t = 0
        let result = searchPath
            ? posix_spawnp(&pid, argv[0], &actions, &attributes, &cArgs, &cEnv)
            : posix_spawn(&pid, argv[0], &actions, &attributes, &cArgs, &cEnv)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        return pid
    }

    /// Waits for `pid` and returns its exit code, or 128 + the signal that ended it.
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return exitCode(status)
    }

    static func exitCode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// glibc has had `posix_spawn_file_actions_addclosefrom_np` since 2.34, but Swift's Glibc module does not
    /// export it, so it is looked up at run time.
    private static func closeFrom3(_ actions: inout posix_spawn_file_actions_t) {
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        else { return }
        _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, 3)
    }
}
