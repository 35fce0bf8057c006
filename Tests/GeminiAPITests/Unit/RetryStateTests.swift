import Testing

@testable import GeminiAPI

@Suite("Retry policy decisions")
struct RetryStateTests {
    static func http(_ status: Int, retryDelay: String? = nil, perDay: Bool = false) -> GeminiError {
        var details: [JSONValue] = []
        if let retryDelay {
            details.append(["@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": .string(retryDelay)])
        }
        if perDay {
            details.append([
                "@type": "type.googleapis.com/google.rpc.QuotaFailure",
                "violations": [["quotaId": "GenerateRequestsPerDayPerProjectPerModel-FreeTier"]],
            ])
        }
        let rpc = details.isEmpty && retryDelay == nil ? nil : RPCStatus(code: status, rawDetails: details)
        return GeminiError(.http(status: status, rpc: rpc, body: nil))
    }

    /// Runs the state machine over `errors`, one per attempt, returning every decision.
    static func run(_ errors: [GeminiError], policy: RetryPolicy = .default, random: Double = 0.5)
        -> [RetryState.Decision]
    {
        var state = RetryState(policy: policy)
        var decisions: [RetryState.Decision] = []
        for error in errors {
            state.attemptStarted()
            let decision = state.decide(after: error, random: random)
            decisions.append(decision)
            if case .giveUp = decision { break }
        }
        return decisions
    }

    @Test("retryable statuses back off 1, 2, 4, 8 s and give up after 5 attempts", arguments: [408, 429, 500, 502, 503, 504])
    func retryable(status: Int) throws {
        let decisions = Self.run(Array(repeating: Self.http(status), count: 6))
        #expect(
            Array(decisions.prefix(4)) == [
                .retry(after: .seconds(1)), .retry(after: .seconds(2)), .retry(after: .seconds(4)), .retry(after: .seconds(8)),
            ])
        guard case .giveUp(let final)? = decisions.last, decisions.count == 5 else {
            Issue.record("expected give-up at the 5th attempt: \(decisions)")
            return
        }
        #expect(final.attempts == 5)
        #expect(final.giveUpReason == .attemptsExhausted(5))
        #expect(final.description.hasSuffix("gave up after 5 attempts"))
    }

    @Test("never retried", arguments: [400, 401, 403, 404, 413])
    func notRetryable(status: Int) {
        let decisions = Self.run([Self.http(status)])
        #expect(decisions.count == 1)
        guard case .giveUp(let final) = decisions[0] else {
            Issue.record("retried \(status)")
            return
        }
        #expect(final.giveUpReason == nil)
    }

    @Test("backoff is capped and jittered within ±20 %")
    func capAndJitter() {
        let policy = RetryPolicy(maxAttempts: 20)
        var state = RetryState(policy: policy)
        for _ in 0..<10 { state.attemptStarted() }
        #expect(state.decide(after: Self.http(503), random: 0.5) == .retry(after: .seconds(60)))
        #expect(state.decide(after: Self.http(503), random: 0) == .retry(after: .seconds(48)))
        #expect(state.decide(after: Self.http(503), random: 0.75) == .retry(after: .seconds(66)))
    }

    @Test("waits at least the server's RetryInfo delay")
    func serverDelay() {
        #expect(Self.run([Self.http(429, retryDelay: "40s")]) == [.retry(after: .seconds(40))])
        // A shorter server delay does not shorten the backoff.
        #expect(Self.run([Self.http(429, retryDelay: "0.2s")]) == [.retry(after: .seconds(1))])
        var withHeader = Self.http(503)
        withHeader.retryAfter = .seconds(12)
        #expect(Self.run([withHeader]) == [.retry(after: .seconds(12))])
    }

    @Test("gives up at once when the server asks for more than maxRetryDelay")
    func delayTooLong() {
        let decisions = Self.run([Self.http(429, retryDelay: "3600s")])
        guard case .giveUp(let final) = decisions.first else {
            Issue.record("expected give-up")
            return
        }
        #expect(final.giveUpReason == .delayTooLong(requested: .seconds(3600), limit: .seconds(300)))
        #expect(final.description.contains("the server asks to wait 3600 s, more than the 300 s limit"))
        let patient = Self.run([Self.http(429, retryDelay: "3600s")], policy: RetryPolicy(maxRetryDelay: .seconds(7200)))
        #expect(patient == [.retry(after: .seconds(3600))])
    }

    @Test("a per-day quota is not retried")
    func perDay() {
        guard case .giveUp(let final)? = Self.run([Self.http(429, retryDelay: "30s", perDay: true)]).first else {
            Issue.record("expected give-up")
            return
        }
        #expect(final.giveUpReason == .dailyQuota)
    }

    @Test("transport errors retry only before the answer started")
    func answerStarted() {
        let error = GeminiError(.transport("connection reset"))
        var state = RetryState(policy: .default)
        state.attemptStarted()
        #expect(state.decide(after: error, answerStarted: false, random: 0.5) == .retry(after: .seconds(1)))
        guard case .giveUp(let final) = state.decide(after: error, answerStarted: true, random: 0.5) else {
            Issue.record("retried after text")
            return
        }
        #expect(final.giveUpReason == .answerStarted)
    }

    @Test("a policy of one attempt never retries, and says nothing about attempts")
    func noRetries() {
        guard case .giveUp(let final)? = Self.run([Self.http(503)], policy: .none).first else {
            Issue.record("expected give-up")
            return
        }
        #expect(final.giveUpReason == nil)
        #expect(final.attempts == 1)
    }
}
