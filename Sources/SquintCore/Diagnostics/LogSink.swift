import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place log lines are written: a file descriptor shared by every handler, written under a lock so
/// lines from concurrent tasks never interleave.
///
/// Shared by reference so that moving the log off the terminal (`redirect`) moves every logger already
/// handed out, including those inside clients that were built before a full-screen UI started.
final class LogSink: Sendable {
    private struct Target {
        var descriptor: Int32
        /// Whether closing is this sink's business (a file it opened, not stderr).
        var owned: Bool
    }

    private let target: Mutex<Target>

    private init(descriptor: Int32, owned: Bool) {
        target = Mutex(Target(descriptor: descriptor, owned: owned))
    }

    deinit {
        target.withLock { if $0.owned { close($0.descriptor) } }
    }

    /// A sink over an open descriptor the caller keeps (stderr, a pipe in tests).
    static func descriptor(_ descriptor: Int32) -> LogSink {
        LogSink(descriptor: descriptor, owned: false)
    }

    static func standardError() -> LogSink {
        descriptor(STDERR_FILENO)
    }

    /// Opens `path` for appending, creating it with mode 0600 (a log is for the user's own bug report, and
    /// it names their files and prompts).
    static func appending(toFile path: String, createFolder: Bool = false) throws(LoggingError) -> LogSink {
        LogSink(descriptor: try openForAppending(path, createFolder: createFolder), owned: true)
    }

    /// Moves the log to `path`; lines written afterwards go there.
    func redirect(toFile path: String, createFolder: Bool = false) throws(LoggingError) {
        let descriptor = try Self.openForAppending(path, createFolder: createFolder)
        target.withLock { target in
            if target.owned { close(target.descriptor) }
            target = Target(descriptor: descriptor, owned: true)
        }
    }

    /// Writes `line` and a newline with as few `write(2)` calls as the kernel allows; a failing write
    /// (a full disk, a closed pipe) drops the line rather than the program.
    func write(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        target.withLock { target in
            FileDescriptorWriting.writeAll(bytes, to: target.descriptor)
        }
    }

    private static func openForAppending(_ path: String, createFolder: Bool) throws(LoggingError) -> Int32 {
        if createFolder {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try? FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, mode_t(0o600))
        guard descriptor >= 0 else { throw .cannotOpen(path, reason: String(cString: strerror(errno))) }
        return descriptor
    }
}
