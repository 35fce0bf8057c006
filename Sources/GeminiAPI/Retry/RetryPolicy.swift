import Foundation

/// How the client retries failed requests.
///
/// Defaults follow the issue: 5 attempts, backoff 1 s doubling to 60 s with ±20 % jitter, and never
/// wait longer than 300 s for a server that asks for more.
public struct RetryPolicy: Sendable, Hashable {
    /// Total attempts including the first; `1` disables retries.
    public var maxAttempts: Int
    /// Backoff before the second attempt.
    public var initialBackoff: Duration
    /// Cap of the exponential backoff.
    public var maxBackoff: Duration
    public var multiplier: Double
    /// Relative jitter, `0.2` = ±20 %: spreads clients that failed together.
    public var jitter: Double
    /// Longest server-requested delay (`RetryInfo`, `Retry-After`) worth waiting for; beyond it the
    /// client gives up at once and says why.
    public var maxRetryDelay: Duration

    public init(
        maxAttempts: Int = 5, initialBackoff: Duration = .seconds(1), maxBackoff: Duration = .seconds(60),
        multiplier: Double = 2, jitter: Double = 0.2, maxRetryDelay: Duration = .seconds(300)
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.multiplier = max(1, multiplier)
        self.jitter = min(max(jitter, 0), 1)
        self.maxRetryDelay = maxRetryDelay
    }

    public static let `default` = RetryPolicy()

    /// No retries at all.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The backoff before attempt `attempt + 1`, before jitter: `initial × multiplier^(attempt-1)`, capped.
    ///
    /// The power overflows to infinity for large attempts or multipliers (`2^149`), and `0 × ∞` is NaN, so
    /// anything not clearly below the cap is the cap, and the conversion back is range-checked.
    public func backoff(afterAttempt attempt: Int) -> Duration {
        guard initialBackoff > .zero else { return .zero }
        let exponent = Double(max(0, attempt - 1))
        let seconds = CheckedDuration.seconds(of: initialBackoff) * pow(multiplier, exponent)
        guard seconds < CheckedDuration.seconds(of: maxBackoff) else { return maxBackoff }
        return CheckedDuration.saturating(seconds) ?? maxBackoff
    }
}
