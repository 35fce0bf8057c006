import Foundation

/// A service under load, for the live (one request each) path of a batch: latency, a count of the requests in
/// flight, and limits answered with the service's 429. All of it concerns `generateContent` and
/// `streamGenerateContent` only.
extension FakeGeminiServer {
    /// `generationConfig.thinkingConfig.thinkingLevel` values answered with the service's 400 INVALID_ARGUMENT
    /// ("Thinking level X is not supported for this model."). Default none.
    public var refusedThinkingLevels: Set<String> {
        get { state.withLock { $0.refusedThinkingLevels } }
        set { state.withLock { $0.refusedThinkingLevels = newValue } }
    }

    /// Added before every generate answer (a limit's 429 excepted), like the model's time to answer. A client that
    /// hangs up ends the wait. Default none.
    public var responseDelay: Duration? {
        get { state.withLock { $0.responseDelay } }
        set { state.withLock { $0.responseDelay = newValue } }
    }

    /// The most generate requests that were open at once since start (or since `resetLoadCounters()`), counted
    /// from arrival to the end of the answer, refused ones included: what a client had in flight.
    public var maxConcurrentGenerateRequests: Int { state.withLock { $0.maxGenerateInFlight } }

    /// Generate requests open right now.
    public var generateRequestsInFlight: Int { state.withLock { $0.generateInFlight } }

    /// At most `requests` generate requests answered per sliding `per` window; the next is refused with the
    /// service's 429 RESOURCE_EXHAUSTED, whose `RetryInfo.retryDelay` is the wait until the window has room.
    /// Refused requests do not count. Default none.
    public var rateLimit: (requests: Int, per: Duration)? {
        get { state.withLock { $0.rateLimit } }
        set { state.withLock { $0.rateLimit = newValue; $0.generateArrivals = [] } }
    }

    /// At most this many generate requests open at once; one more is refused at once with a 429 (`retryDelay` 1s).
    /// Default none.
    public var concurrencyLimit: Int? {
        get { state.withLock { $0.concurrencyLimit } }
        set { state.withLock { $0.concurrencyLimit = newValue } }
    }

    /// Generate requests refused by `rateLimit` or `concurrencyLimit` so far.
    public var limitedRequests: Int { state.withLock { $0.limitedRequests } }

    /// Starts the concurrency and limit counts afresh.
    public func resetLoadCounters() {
        state.withLock { $0.maxGenerateInFlight = $0.generateInFlight; $0.limitedRequests = 0; $0.generateArrivals = [] }
    }
}

extension ServerState {
    /// A generate request arrived: counted in flight; the 429 to answer when a limit refuses it.
    func generateStarted() -> FakeReply? {
        withLock { state in
            state.generateInFlight += 1
            state.maxGenerateInFlight = max(state.maxGenerateInFlight, state.generateInFlight)
            if let limit = state.concurrencyLimit, state.generateInFlight > limit {
                state.limitedRequests += 1
                return .rateLimited(retryDelay: "1s")
            }
            guard let limit = state.rateLimit else { return nil }
            let (requests, window) = (limit.requests, limit.per)
            let now = ContinuousClock.now
            state.generateArrivals.removeAll { now - $0 >= window }
            if state.generateArrivals.count >= max(0, requests) {
                state.limitedRequests += 1
                let wait = state.generateArrivals.first.map { $0 + window - now } ?? window
                return .rateLimited(retryDelay: Self.protobufDuration(wait))
            }
            state.generateArrivals.append(now)
            return nil
        }
    }

    func generateEnded() { withLock { $0.generateInFlight -= 1 } }

    /// `"0.250s"`: seconds with milliseconds, rounded up so a client waiting that long finds room.
    static func protobufDuration(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = max(1, seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
        return String(format: "%d.%03ds", Int(milliseconds / 1000), Int(milliseconds % 1000))
    }
}
