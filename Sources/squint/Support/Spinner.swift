import Foundation
import SquintCore
import TerminalGraphics

/// Draws a `WaitingLine` (or a batch's progress line) on stderr ten times a second while a command waits, and
/// erases it before anything else is written there or on stdout. Only on a terminal: piped, nothing is drawn.
final class Spinner: @unchecked Sendable {
    /// The spinner on screen, so one-line messages (`Diagnostics`) erase it first and it redraws after them.
    private static let current = Locked<Spinner?>(nil)

    private let lock = NSLock()
    private var line: WaitingLine?
    /// The text at a time, for lines other than `WaitingLine` (a batch's progress).
    private let text: (@Sendable (Double) -> String?)?
    private var shown = false
    private var stopped = false
    private var ticker: Task<Void, Never>?
    private let output: Output

    /// A spinner for `model` on stderr, or nil when stderr is not a terminal (or `TERM=dumb`).
    static func start(model: String, maxAttempts: Int?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Spinner? {
        guard Output.standardError.isTerminal, environment["TERM"] != "dumb" else { return nil }
        return begin(Spinner(line: WaitingLine(model: model, started: Self.now(), maxAttempts: maxAttempts), text: nil, output: .standardError))
    }

    /// A line whose text `text` gives for a time on `now()`'s clock, or nil when stderr is not a terminal.
    static func start(environment: [String: String] = ProcessInfo.processInfo.environment,
                      text: @escaping @Sendable (Double) -> String?) -> Spinner? {
        guard Output.standardError.isTerminal, environment["TERM"] != "dumb" else { return nil }
        return begin(Spinner(line: nil, text: text, output: .standardError))
    }

    private static func begin(_ spinner: Spinner) -> Spinner {
        current.set(spinner)
        spinner.draw()
        spinner.ticker = Task.detached { [weak spinner] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                guard let spinner else { return }
                spinner.draw()
            }
        }
        return spinner
    }

    private init(line: WaitingLine?, text: (@Sendable (Double) -> String?)?, output: Output) {
        self.line = line
        self.text = text
        self.output = output
    }

    /// Follows the pipeline; the first text of the answer takes the line away for good.
    func handle(_ event: AskEvent) {
        lock.lock()
        line?.apply(event, now: Self.now())
        let answering = line?.phase == .answering
        lock.unlock()
        if answering { stop() } else { draw() }
    }

    /// Draws now (the state behind `text` changed).
    func redraw() { draw() }

    /// Erases the line and stops drawing. Safe to call more than once.
    func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        ticker?.cancel()
        eraseLocked()
        Self.current.update { if $0 === self { $0 = nil } }
    }

    /// Erases the line so a message can take its place; the next tick draws it again below the message.
    static func clearForMessage() {
        current.get()?.erase()
    }

    private func erase() {
        lock.lock()
        defer { lock.unlock() }
        eraseLocked()
    }

    private func eraseLocked() {
        if shown { output.write("\r\u{1B}[K") }
        shown = false
    }

    private func draw() {
        lock.lock()
        defer { lock.unlock() }
        let now = Self.now()
        guard !stopped, let text = line?.text(now: now) ?? self.text?(now) else { return }
        // One line: never wider than the terminal, or the carriage return would leave the wrapped part behind.
        let width = max(20, Self.columns() - 1)
        // File names, URLs and job names are untrusted: never a control character on the terminal.
        output.write("\r" + String(TerminalSanitizer.sanitize(text).prefix(width)) + "\u{1B}[K")
        shown = true
    }

    static func now() -> Double { Monotonic.seconds() }

    private static func columns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}

/// A value behind a lock, for the few globals the CLI has.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.withLock { value } }
    func set(_ new: Value) { lock.withLock { value = new } }
    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&value) } }
}
