import Foundation
import TerminalGraphics

/// Turns signals into bytes on a pipe the event loop polls, and restores the terminal on fatal signals.
///
/// Signal handlers may only call async-signal-safe functions, so the handlers below do nothing but `write` a
/// byte (SIGWINCH, SIGINT, SIGTERM, SIGHUP) or, for crashes, write precomputed reset bytes, restore the saved
/// termios and re-raise. The state they touch is set once before they are installed.
enum SignalRelay {
    nonisolated(unsafe) static var writeFD: Int32 = -1
    nonisolated(unsafe) static var readFD: Int32 = -1
    nonisolated(unsafe) static var savedTermios = termios()
    nonisolated(unsafe) static var haveTermios = false
    nonisolated(unsafe) static var resetBytes: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) static var resetCount = 0

    /// Exit-alternate-screen, show cursor, default colours, mouse off, delete kitty images (wrapped for tmux, see
    /// `KittyGraphics.deleteAll(for:)`).
    static func resetSequence(environment: TerminalEnvironment) -> [UInt8] {
        Array("\u{1B}[?2026l\u{1B}[0m\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l".utf8)
            + KittyGraphics.deleteAll(for: environment) + Array("\u{1B}[?25h\u{1B}[?1049l\r".utf8)
    }

    static func install() {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return }
        readFD = fds[0]
        writeFD = fds[1]
        _ = fcntl(readFD, F_SETFL, fcntl(readFD, F_GETFL) | O_NONBLOCK)
        _ = fcntl(writeFD, F_SETFL, fcntl(writeFD, F_GETFL) | O_NONBLOCK)
        _ = fcntl(readFD, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeFD, F_SETFD, FD_CLOEXEC)
        if tcgetattr(STDIN_FILENO, &savedTermios) == 0 { haveTermios = true }
        let bytes = resetSequence(environment: TerminalEnvironment(ProcessInfo.processInfo.environment))
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        resetBytes = buffer
        resetCount = bytes.count

        for sig in [SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                var byte = UInt8(truncatingIfNeeded: sig)
                _ = write(SignalRelay.writeFD, &byte, 1)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(sig, &action, nil)
        }
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                SignalRelay.restoreTerminalFromSignal()
                signal(sig, SIG_DFL)
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, nil)
        }
        signal(SIGPIPE, SIG_IGN)
    }

    /// Async-signal-safe: resets the screen and the tty modes.
    static func restoreTerminalFromSignal() {
        if let resetBytes { _ = write(STDOUT_FILENO, resetBytes, resetCount) }
        if haveTermios { _ = tcsetattr(STDIN_FILENO, TCSANOW, &savedTermios) }
    }

    /// Reads the signals that arrived since the last call.
    static func drain() -> [Int32] {
        var buffer = [UInt8](repeating: 0, count: 64)
        var signals: [Int32] = []
        while true {
            let n = read(readFD, &buffer, buffer.count)
            if n <= 0 { break }
            signals += buffer[0..<n].map { Int32($0) }
        }
        return signals
    }

    static func uninstall() {
        for sig in [SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            signal(sig, SIG_DFL)
        }
    }
}
