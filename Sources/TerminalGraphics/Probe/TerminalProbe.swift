#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Imaging

/// Asks the controlling terminal what it can do: one batch of queries in raw mode, read with a timeout,
/// late replies drained so they never reach the keyboard input. Run it once, before curses starts.
public struct TerminalProbe: Sendable {
    /// How long to wait for DA1 on a local terminal.
    public var localTimeoutMilliseconds: Int
    /// How long to wait over SSH, where a round trip can take hundreds of milliseconds.
    public var sshTimeoutMilliseconds: Int
    /// The cell size to assume when the terminal cannot tell (`--cell-size`).
    public var fallbackCellSize: PixelSize
    public var environment: [String: String]

    public init(
        localTimeoutMilliseconds: Int = 150, sshTimeoutMilliseconds: Int = 500,
        fallbackCellSize: PixelSize = PixelSize(width: 10, height: 20),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.localTimeoutMilliseconds = localTimeoutMilliseconds
        self.sshTimeoutMilliseconds = sshTimeoutMilliseconds
        self.fallbackCellSize = fallbackCellSize
        self.environment = environment
    }

    /// The batch, in one write. DA1 goes last: every terminal answers it, and answers in order, so its
    /// reply means all the others that are coming have come.
    public static let queries: [UInt8] = Array((
        kittyQuery
        + "\u{1B}[>0q"                                      // XTVERSION
        + "\u{1B}[?1;1;0S"                                  // XTSMGRAPHICS: colour registers
        + "\u{1B}[?2;1;0S"                                  // XTSMGRAPHICS: sixel geometry
        + "\u{1B}[14t\u{1B}[16t\u{1B}[18t"                  // text area px, cell px, text area cells
        + "\u{1B}]11;?\u{1B}\\"                             // background colour
        + "\u{1B}[c"                                        // DA1, last
    ).utf8)

    /// kitty's graphics query: a 1×1 image it answers `OK` to and does not keep.
    static let kittyQuery = "\u{1B}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\"

    /// The batch inside tmux (or screen): only what the multiplexer answers or ignores itself. tmux takes an APC
    /// string such as kitty's query as the pane's title, so that query is left out; and the outer terminal's
    /// answers to anything sent through passthrough come back through tmux's key parser, which keeps XTVERSION
    /// and DA replies for itself. What is outside comes from `tmux display` instead (`TmuxStatus`). tmux 3.3
    /// answers XTVERSION (`tmux 3.3a`), `CSI 18t` and DA1, answers OSC 11 only when the pane has a background
    /// style, and ignores XTSMGRAPHICS and `CSI 14t`/`16t`; none of them touches the pane.
    public static let multiplexerQueries: [UInt8] = Array(queries.dropFirst(kittyQuery.utf8.count))

    /// The batch for the terminal this environment describes.
    public static func queries(for environment: TerminalEnvironment) -> [UInt8] {
        environment.inMultiplexer ? multiplexerQueries : queries
    }

    /// Probes `/dev/tty` and combines the answers with the environment and tmux's settings.
    /// Without a terminal to ask, everything comes from the environment and the fallbacks.
    public func run() -> TerminalCapabilities {
        let hints = TerminalEnvironment(environment)
        let tmux = hints.inTmux ? TmuxQuery.status(environment: environment) : nil
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            return TerminalCapabilities.resolve(
                replies: nil, environment: hints, window: Self.windowSize(of: STDOUT_FILENO), tmux: tmux,
                fallbackCellSize: fallbackCellSize)
        }
        defer { close(fd) }
        let window = Self.windowSize(of: fd)
        let timeout = hints.overSSH ? sshTimeoutMilliseconds : localTimeoutMilliseconds
        let replies = Self.exchange(fd: fd, timeoutMilliseconds: timeout, queries: Self.queries(for: hints))
        return TerminalCapabilities.resolve(
            replies: replies, environment: hints, window: window, tmux: tmux, fallbackCellSize: fallbackCellSize)
    }

    /// `TIOCGWINSZ` on `fd`, or nil when it is not a terminal.
    public static func windowSize(of fd: Int32) -> CellGeometry.WindowSize? {
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return CellGeometry.WindowSize(
            columns: Int(size.ws_col), rows: Int(size.ws_row),
            pixelWidth: Int(size.ws_xpixel), pixelHeight: Int(size.ws_ypixel))
    }

    /// Raw mode, the batch, replies until DA1 or the timeout, a drain, then the old mode back with
    /// pending input flushed. Returns nil when the terminal could not be put in raw mode.
    static func exchange(fd: Int32, timeoutMilliseconds: Int, queries: [UInt8] = Self.queries) -> ProbeReplies? {
        // A background job changing the terminal's mode would be stopped by SIGTTOU; and its
        // replies would go to whoever is in the foreground. Only the foreground asks.
        let foreground = tcgetpgrp(fd)
        guard foreground < 0 || foreground == getpgrp() else { return nil }
        var saved = termios()
        guard tcgetattr(fd, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL | INLCR | IGNCR)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(fd, TCSANOW, &raw) == 0 else { return nil }
        defer { tcsetattr(fd, TCSAFLUSH, &saved) }

        var parser = ProbeReplyParser()
        var written = 0
        queries.withUnsafeBytes { bytes in
            while written < bytes.count {
                let result = write(fd, bytes.baseAddress! + written, bytes.count - written)
                if result < 0 { if errno == EINTR { continue }; return }
                written += result
            }
        }
        guard written == queries.count else { return nil }

        let start = monotonicMilliseconds()
        readReplies(fd: fd, into: &parser, until: start + timeoutMilliseconds, stopWhenComplete: true)
        // Drain: a slow terminal may still be answering. Wait for DA1 a little longer (or for a quiet
        // spell) so its replies are consumed here rather than read later as keys.
        // Complete: only a stray byte can still come, so stop at the first quiet 10 ms. Not complete:
        // wait up to one more timeout for DA1, which closes the batch.
        if parser.isComplete {
            readReplies(fd: fd, into: &parser, until: monotonicMilliseconds() + 20, stopWhenComplete: false, quietMilliseconds: 10)
        } else {
            readReplies(fd: fd, into: &parser, until: monotonicMilliseconds() + timeoutMilliseconds, stopWhenComplete: true)
        }
        tcflush(fd, TCIFLUSH)
        return parser.replies
    }

    private static func readReplies(
        fd: Int32, into parser: inout ProbeReplyParser, until deadline: Int,
        stopWhenComplete: Bool, quietMilliseconds: Int? = nil
    ) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            if stopWhenComplete, parser.isComplete { return }
            let remaining = deadline - monotonicMilliseconds()
            if remaining <= 0 { return }
            var pollfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pollfd, 1, Int32(min(remaining, quietMilliseconds ?? remaining)))
            if ready < 0 { if errno == EINTR { continue }; return }
            if ready == 0 {
                if quietMilliseconds != nil { return }
                continue
            }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 { if errno == EINTR || errno == EAGAIN { continue }; return }
            if count == 0 { return }
            parser.feed(buffer[0..<count])
        }
    }

    private static func monotonicMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
    }
}
