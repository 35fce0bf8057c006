/// How many requests a live batch may have in flight, and when the next may start: a value fed what happened
/// (a slot wanted, a request finished, the service said 429) that answers with a decision, so its rules are
/// tested without a clock or a socket.
///
/// The rules: never more than `ceiling` in flight (`--concurrency`), never more than `requestsPerMinute` starts
/// in any 60 s (`--rpm`). A 429 halves the limit (at least one) and holds it there for a calm period; after
/// that, each run of `limit` successes raises it by one, back up to the ceiling (additive increase,
/// multiplicative decrease, as TCP does). Several 429s inside one calm period count once: they are the same
/// overload seen by the requests already in flight.
public struct ConcurrencyGovernor: Sendable {
    public typealias Instant = ContinuousClock.Instant

    public enum Decision: Sendable, Equatable {
        /// Start now; the slot is taken.
        case start
        /// All `limit` slots are taken: wait for a request to finish.
        case full
        /// The per-minute cap is reached: ask again at this instant.
        case wait(until: Instant)
    }

    public let ceiling: Int
    public let requestsPerMinute: Int?
    /// The shortest hold after a 429.
    public var calmPeriod: Duration = .seconds(30)
    public private(set) var limit: Int
    public private(set) var inFlight = 0
    private var calmUntil: Instant?
    private var successesSinceRaise = 0
    /// Start times within the last minute, oldest first (only kept with a per-minute cap).
    private var recentStarts: [Instant] = []

    public init(ceiling: Int, requestsPerMinute: Int? = nil) {
        self.ceiling = max(1, ceiling)
        self.requestsPerMinute = requestsPerMinute.map { max(1, $0) }
        limit = self.ceiling
    }

    public mutating func requestSlot(at now: Instant) -> Decision {
        guard inFlight < limit else { return .full }
        if let cap = requestsPerMinute {
            recentStarts.removeAll { now - $0 >= .seconds(60) }
            if recentStarts.count >= cap { return .wait(until: recentStarts[0] + .seconds(60)) }
            recentStarts.append(now)
        }
        inFlight += 1
        return .start
    }

    /// A request ended (answered or failed for another reason than a rate limit).
    public mutating func finished(at now: Instant, succeeded: Bool = true) {
        inFlight = max(0, inFlight - 1)
        guard succeeded, limit < ceiling else { return }
        if let calm = calmUntil, now < calm { return }
        successesSinceRaise += 1
        if successesSinceRaise >= limit {
            limit += 1
            successesSinceRaise = 0
        }
    }

    /// The service answered 429. Returns the new limit when this lowered it.
    @discardableResult
    public mutating func rateLimited(at now: Instant, retryDelay: Duration? = nil) -> Int? {
        if let calm = calmUntil, now < calm { return nil }
        let hold = max(calmPeriod, (retryDelay ?? .zero) * 2)
        calmUntil = now + hold
        successesSinceRaise = 0
        let lowered = max(1, limit / 2)
        guard lowered < limit else { return nil }
        limit = lowered
        return limit
    }
}
