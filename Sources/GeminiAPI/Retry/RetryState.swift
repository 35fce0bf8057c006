/// The retry decision as a value: fed each failure, it says whether to wait and try again.
///
/// Pure and clock-free (the jitter's random number is an input), so every rule is tested without
/// sleeping: which statuses retry, how long to wait, when a server's requested delay or a daily quota
/// means giving up at once.
public struct RetryState: Sendable, Hashable {
    public enum Decision: Sendable, Hashable {
        /// Wait this long, then try again.
        case retry(after: Duration)
        /// Stop and report this error (annotated with the attempt count and the reason to stop).
        case giveUp(GeminiError)
    }

    public let policy: RetryPolicy
    /// Attempts made so far.
    public private(set) var attempts = 0

    public init(policy: RetryPolicy) {
        self.policy = policy
    }

    /// Records that an attempt is starting.
    public mutating func attemptStarted() {
        attempts += 1
    }

    /// Decides what to do after attempt `attempts` failed with `error`.
    ///
    /// - Parameters:
    ///   - answerStarted: part of the answer already reached the caller (a stream that delivered
    ///     text): never retried, the partial answer stays and the error is reported.
    ///   - random: a number in `0..<1` for the jitter.
    public func decide(after error: GeminiError, answerStarted: Bool = false, random: Double) -> Decision {
        var final = error
        final.attempts = max(attempts, 1)
        guard error.isRetryable else { return .giveUp(final) }
        if answerStarted {
            final.giveUpReason = .answerStarted
            return .giveUp(final)
        }
        if error.isDailyQuota {
            final.giveUpReason = .dailyQuota
            return .giveUp(final)
        }
        let requested = error.retryDelay
        if let requested, requested > policy.maxRetryDelay {
            final.giveUpReason = .delayTooLong(requested: requested, limit: policy.maxRetryDelay)
            return .giveUp(final)
        }
        guard attempts < policy.maxAttempts else {
            if policy.maxAttempts > 1 { final.giveUpReason = .attemptsExhausted(attempts) }
            return .giveUp(final)
        }
        let backoff = policy.backoff(afterAttempt: max(attempts, 1))
        let factor = 1 + policy.jitter * (2 * min(max(random, 0), 1) - 1)
        // Range-checked: a policy built with an enormous `maxBackoff` must not trap here.
        var delay = CheckedDuration.saturating(CheckedDuration.seconds(of: backoff), unitSeconds: factor) ?? backoff
        if let requested, requested > delay { delay = requested }
        return .retry(after: delay)
    }
}
