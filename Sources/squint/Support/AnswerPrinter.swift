import Foundation

/// Writes answer text to stdout as it streams, remembering whether the last byte ended a line so the command
/// can end with a newline whatever happened (success, a broken stream, Ctrl-C).
final class AnswerPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private var wroteText = false
    private var endsWithNewline = true
    let enabled: Bool

    init(enabled: Bool) { self.enabled = enabled }

    func print(_ text: String) {
        guard enabled, !text.isEmpty else { return }
        lock.lock()
        defer { lock.unlock() }
        Output.standardOutput.writeUntrusted(text)
        wroteText = true
        endsWithNewline = text.hasSuffix("\n")
    }

    /// Ends the answer's last line, if any text was written.
    func finishLine() {
        lock.lock()
        defer { lock.unlock() }
        if wroteText && !endsWithNewline {
            Output.standardOutput.write("\n")
            endsWithNewline = true
        }
    }
}
