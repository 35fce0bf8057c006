/// Seconds as a `Double` turned into a `Duration` without ever trapping.
///
/// Durations arrive from outside as floating-point seconds — `RetryInfo.retryDelay`, `Retry-After`, a
/// config file — and `Int64(seconds * 1e9)` traps once the product passes `Int64.max` (about 292 years
/// of nanoseconds), so a server answering `"10000000000s"` would kill the process. Every such conversion
/// goes through here instead: unreadable values (negative, NaN, infinite) become `nil`, and readable but
/// enormous ones saturate at `ceiling`, so a caller still sees "far too long" and can say so (the retry
/// policy gives up at once with `GiveUpReason.delayTooLong`) rather than getting a crash or a silent drop.
public enum CheckedDuration {
    /// 100 years (of 365.25 days): longer than anything worth waiting for, yet far inside what `Duration`,
    /// `Int64` nanoseconds and the clocks that sleep on it can represent.
    public static let ceiling: Duration = .seconds(3_155_760_000)

    /// `amount × unitSeconds` seconds, rounded to the nanosecond and capped at `ceiling`; `nil` when
    /// `amount` is negative, NaN or infinite.
    ///
    /// The unit is a separate factor so that a finite amount of a large unit (`1e307` hours) saturates
    /// instead of overflowing to infinity and reading as unreadable.
    public static func saturating(_ amount: Double, unitSeconds: Double = 1) -> Duration? {
        guard amount.isFinite, amount >= 0, unitSeconds.isFinite, unitSeconds >= 0 else { return nil }
        let total = amount * unitSeconds
        guard total < seconds(of: ceiling) else { return ceiling }
        return .nanoseconds(Int64((total * 1e9).rounded()))
    }

    /// The duration in seconds, as the `Double` the arithmetic above works in.
    public static func seconds(of duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
