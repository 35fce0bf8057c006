import Foundation

/// Where a batch stands: counts, tokens, rate and time left. A value fed the batch's events and the time, so
/// the CLI's progress line, its summary and the TUI's status bar say the same thing.
public struct BatchProgress: Sendable, Equatable {
    /// Images this run asks about.
    public var total: Int
    /// Images skipped because they already have an answer (or wait in a Batch API job).
    public var skipped: Int
    public var answered = 0
    public var failed = 0
    /// The images whose request is out. By path, not a bare count: an image that fails before it is asked about
    /// (it would not decode) finishes without ever being in flight, and must not take another's place.
    public private(set) var asking: Set<String> = []
    public var promptTokens = 0
    public var outputTokens = 0
    /// Seconds on the caller's clock when the run started.
    public let started: Double

    public init(total: Int, skipped: Int = 0, started: Double) {
        self.total = total
        self.skipped = skipped
        self.started = started
    }

    public var finished: Int { answered + failed }
    public var inFlight: Int { asking.count }
    public var isComplete: Bool { finished >= total }

    public mutating func apply(_ event: BatchEvent) {
        switch event {
        case .asking(let path): recordAsking(path)
        case .finished(let result): recordFinished(result.path, answered: result.isAnswered, usage: result.usage)
        case .retrying, .concurrencyLowered: break
        }
    }

    /// A request went out. The TUI's state holds its own copy of each event (a value it can compare), so it
    /// counts through these two rather than `apply`.
    public mutating func recordAsking(_ path: String) {
        asking.insert(path)
    }

    /// An image is done, answered or not, with the tokens its answer (or partial answer) used.
    public mutating func recordFinished(_ path: String, answered isAnswered: Bool, usage: TokenUsage?) {
        asking.remove(path)
        if isAnswered { answered += 1 } else { failed += 1 }
        if let usage {
            promptTokens += usage.promptTokens ?? 0
            outputTokens += (usage.candidatesTokens ?? 0) + (usage.thoughtsTokens ?? 0)
        }
    }

    /// The run was stopped: nothing is in flight any more (stopped requests are not counted as failures).
    public mutating func recordStopped() {
        asking = []
    }

    /// Images finished per second so far.
    public func rate(now: Double) -> Double {
        let elapsed = now - started
        return elapsed > 0 ? Double(finished) / elapsed : 0
    }

    /// Seconds until the rest are done at the rate so far; nil before the first image finishes.
    public func secondsLeft(now: Double) -> Double? {
        let rate = rate(now: now)
        guard rate > 0 else { return nil }
        return Double(total - finished) / rate
    }

    /// `37/120 · 2 failed · 1.8/s · 46 s left · 12.4k tokens · 4 asking`
    public func line(now: Double) -> String {
        var parts = ["\(finished)/\(total)"]
        if failed > 0 { parts.append("\(failed) failed") }
        let rate = rate(now: now)
        if finished > 0 { parts.append(rate >= 1 ? String(format: "%.1f/s", rate) : String(format: "%.0f/min", rate * 60)) }
        if let left = secondsLeft(now: now), !isComplete { parts.append("\(Self.duration(left)) left") }
        let tokens = promptTokens + outputTokens
        if tokens > 0 { parts.append("\(Self.count(tokens)) tokens") }
        if inFlight > 0 { parts.append("\(inFlight) asking") }
        return parts.joined(separator: " · ")
    }

    /// `120 images: 117 answered, 3 failed (12 already answered) · 4m 10s · 1.2M tokens`
    public func summary(now: Double) -> String {
        var line = "\(total) image\(total == 1 ? "" : "s"): \(answered) answered"
        if failed > 0 { line += ", \(failed) failed" }
        if skipped > 0 { line += " (\(skipped) skipped: already answered)" }
        line += " · \(Self.duration(now - started))"
        let tokens = promptTokens + outputTokens
        if tokens > 0 { line += " · \(Self.count(tokens)) tokens" }
        return line
    }

    /// `42 s`, `3m 05s`, `2h 10m`.
    public static func duration(_ seconds: Double) -> String {
        let whole = Int(max(0, seconds).rounded())
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return String(format: "%dm %02ds", whole / 60, whole % 60) }
        return String(format: "%dh %02dm", whole / 3600, whole % 3600 / 60)
    }

    /// `950`, `12.4k`, `1.2M`.
    public static func count(_ value: Int) -> String {
        if value < 1000 { return "\(value)" }
        if value < 1_000_000 { return String(format: "%.1fk", Double(value) / 1000) }
        return String(format: "%.1fM", Double(value) / 1_000_000)
    }
}
