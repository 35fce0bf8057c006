import Foundation
import Testing

@testable import GeminiAPI

/// Durations from outside that used to trap on an unchecked `Int64(seconds * 1e9)`: each input here crashed
/// (SIGILL) or read wrongly before the conversions went through `CheckedDuration`.
@Suite("Duration ranges: nothing a server sends can crash the client")
struct DurationRangeTests {
    static let ceiling = CheckedDuration.ceiling

    @Test("the checked conversion: saturates what is huge, refuses what is unreadable")
    func checkedConversion() {
        #expect(CheckedDuration.saturating(1.5) == .milliseconds(1500))
        #expect(CheckedDuration.saturating(0) == .zero)
        #expect(CheckedDuration.saturating(1e10) == Self.ceiling)
        #expect(CheckedDuration.saturating(Double(Int64.max)) == Self.ceiling)
        // A finite amount of a large unit overflows the product to infinity: still "huge", not "unreadable".
        #expect(CheckedDuration.saturating(1e307, unitSeconds: 3600) == Self.ceiling)
        #expect(CheckedDuration.saturating(-1) == nil)
        #expect(CheckedDuration.saturating(.nan) == nil)
        #expect(CheckedDuration.saturating(.infinity) == nil)
        #expect(CheckedDuration.seconds(of: .milliseconds(2500)) == 2.5)
    }

    @Test("protobuf strings too large to mean anything saturate", arguments: ["10000000000s", "1e300s", "1e307h", "9223372036854775807s", "1e30ms"])
    func hugeProtobufStrings(text: String) {
        #expect(ProtobufDuration.parse(text) == Self.ceiling)
    }

    @Test("infinite and NaN protobuf strings are unreadable", arguments: ["infs", "1e400s", "nans", "-1e300s"])
    func unreadableProtobufStrings(text: String) {
        #expect(ProtobufDuration.parse(text) == nil)
    }

    @Test("the object and number forms are checked too")
    func objectAndNumberForms() {
        #expect(ProtobufDuration.parse(["seconds": "1e30", "nanos": 0]) == Self.ceiling)
        #expect(ProtobufDuration.parse(["seconds": "9223372036854775807"]) == Self.ceiling)
        #expect(ProtobufDuration.parse(["seconds": 1e30]) == Self.ceiling)
        #expect(ProtobufDuration.parse(["seconds": "1", "nanos": 1e300]) == Self.ceiling)
        #expect(ProtobufDuration.parse(["seconds": "1", "nanos": "250000000"]) == .milliseconds(1250))
        #expect(ProtobufDuration.parse(["seconds": "-5"]) == nil)
        #expect(ProtobufDuration.parse(["seconds": "inf"]) == nil)
        #expect(ProtobufDuration.parse(.number(1e30)) == Self.ceiling)
        #expect(ProtobufDuration.parse(.number(-1)) == nil)
    }

    @Test("Retry-After seconds and dates far beyond any wait saturate")
    func hugeRetryAfter() {
        let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT
        #expect(RetryAfter.parse("99999999999999999999", now: now) == Self.ceiling)
        #expect(RetryAfter.parse("9223372036854775807", now: now) == Self.ceiling)
        #expect(RetryAfter.parse("1e300", now: now) == Self.ceiling)
        #expect(RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT", now: now) == Self.ceiling)
        #expect(RetryAfter.parse("1.5", now: now) == .milliseconds(1500))
        #expect(RetryAfter.parse("inf", now: now) == nil)
        #expect(RetryAfter.parse("nan", now: now) == nil)
    }

    @Test("backoff after many attempts with a big multiplier is the cap, whatever the cap")
    func backoffOverflow() {
        let huge = RetryPolicy(maxAttempts: 200, maxBackoff: .seconds(Int64.max), multiplier: 1e10)
        #expect(huge.backoff(afterAttempt: 150) == .seconds(Int64.max))
        let capped = RetryPolicy(maxAttempts: 200, multiplier: 1e10)
        #expect(capped.backoff(afterAttempt: 150) == .seconds(60))
        #expect(RetryPolicy(maxAttempts: 200).backoff(afterAttempt: Int.max) == .seconds(60))
        // 0 × ∞ is NaN: a zero initial backoff stays zero instead of trapping.
        let zero = RetryPolicy(maxAttempts: 200, initialBackoff: .zero, multiplier: 1e10)
        #expect(zero.backoff(afterAttempt: 150) == .zero)
        #expect(RetryPolicy.default.backoff(afterAttempt: 3) == .seconds(4))
    }

    @Test("jitter over an enormous backoff saturates instead of trapping")
    func jitterOverflow() {
        var state = RetryState(policy: RetryPolicy(maxAttempts: 200, maxBackoff: .seconds(Int64.max), multiplier: 1e10))
        for _ in 0..<150 { state.attemptStarted() }
        #expect(state.decide(after: GeminiError(.http(status: 503, rpc: nil, body: nil)), random: 1) == .retry(after: Self.ceiling))
    }

    @Test("a RetryInfo delay of 10000000000s gives up at once, in one line")
    func hugeRetryInfoGivesUp() throws {
        let error = RetryStateTests.http(429, retryDelay: "10000000000s")
        let decisions = RetryStateTests.run([error])
        guard case .giveUp(let final)? = decisions.first, decisions.count == 1 else {
            Issue.record("expected an immediate give-up: \(decisions)")
            return
        }
        #expect(final.giveUpReason == .delayTooLong(requested: Self.ceiling, limit: .seconds(300)))
        #expect(final.description.hasSuffix("; the server asks to wait 100 years or more, more than the 300 s limit"))
        #expect(!final.description.contains("\n"))
    }

    @Test("a huge Retry-After gives up at once too")
    func hugeRetryAfterGivesUp() {
        var error = GeminiError(.http(status: 503, rpc: nil, body: nil))
        error.retryAfter = RetryAfter.parse("99999999999999999999")
        let decisions = RetryStateTests.run([error])
        #expect(decisions.count == 1)
        if case .giveUp(let final)? = decisions.first {
            #expect(final.giveUpReason == .delayTooLong(requested: Self.ceiling, limit: .seconds(300)))
        } else {
            Issue.record("retried a 100-year wait: \(decisions)")
        }
    }

    @Test("describing any duration stays in range")
    func describingHugeDurations() {
        #expect(GeminiError.seconds(.seconds(Int64.max)) == "100 years or more")
        #expect(GeminiError.seconds(Self.ceiling) == "100 years or more")
        #expect(GeminiError.seconds(.seconds(86_400)) == "86400 s")
        var error = GeminiError(.http(status: 503, rpc: nil, body: nil))
        error.retryAfter = .seconds(Int64.max)
        #expect(error.description.hasSuffix("; retry in 100 years or more"))
    }

    @Test("a quota value beyond Int64 is kept as written, not trapped on")
    func hugeQuotaValue() {
        #expect(QuotaViolation(json: ["quotaValue": 1e30]).quotaValue == "1e+30")
        #expect(QuotaViolation(json: ["quotaValue": 250]).quotaValue == "250")
    }
}
