import Foundation
import SquintCore
import TerminalGraphics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writes to stdout or stderr: every `write` reaches the file descriptor at once, so a streamed
/// answer shows up chunk by chunk and nothing is lost when the process exits straight after.
struct Output: Sendable {
    let descriptor: Int32

    static let standardOutput = Output(descriptor: STDOUT_FILENO)
    static let standardError = Output(descriptor: STDERR_FILENO)

    /// Whether this is a terminal, where untrusted text must pass through `TerminalSanitizer`.
    var isTerminal: Bool { isatty(descriptor) == 1 }

    func write(_ text: String) {
        FileDescriptorWriting.writeAll(Array(text.utf8), to: descriptor)
    }

    /// Untrusted text (model answers): sanitised when this is a terminal, passed through byte for byte when piped
    /// into a file or another program.
    func writeUntrusted(_ text: String) {
        write(isTerminal ? TerminalSanitizer.sanitize(text, keepNewlines: true) : text)
    }
}

/// One-line messages on stderr, always sanitised: they may quote server text or file names.
enum Diagnostics {
    static func error(_ message: String) {
        Spinner.clearForMessage()
        // `squint: SUBJECT: reason` — the subject (a full path, a config key) is part of the message.
        Output.standardError.write("squint: " + TerminalSanitizer.sanitize(message) + "\n")
    }

    static func warning(_ message: String) {
        Spinner.clearForMessage()
        Output.standardError.write("squint: warning: " + TerminalSanitizer.sanitize(message) + "\n")
    }

    static func note(_ message: String) {
        Spinner.clearForMessage()
        Output.standardError.write("squint: " + TerminalSanitizer.sanitize(message) + "\n")
    }
}
