import Foundation
import Testing

@testable import GeminiAPI

@Suite("Duration parsing")
struct DurationParsingTests {
    @Test(
        "protobuf durations and their variants",
        arguments: [
            ("40s", Duration.seconds(40)), ("0.9s", .milliseconds(900)), ("900ms", .milliseconds(900)),
            ("1.000340012s", .nanoseconds(1_000_340_012)), ("0s", .zero), (" 2s ", .seconds(2)), ("3", .seconds(3)),
            ("1.5m", .seconds(90)),
        ])
    func protobuf(text: String, expected: Duration) {
        #expect(ProtobufDuration.parse(text) == expected)
    }

    @Test("garbage does not parse", arguments: ["", "s", "-1s", "abc", "1.2.3s", "nan"])
    func garbage(text: String) {
        #expect(ProtobufDuration.parse(text) == nil)
    }

    @Test("the object form and a RetryInfo detail")
    func objectForm() {
        #expect(ProtobufDuration.parse(["seconds": "40", "nanos": 500_000_000]) == .milliseconds(40_500))
        let detail = ErrorDetail(json: ["@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "0.9s"])
        #expect(detail == .retryInfo(.milliseconds(900)))
        let spaced = ErrorDetail(json: [" @type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "900ms"])
        #expect(spaced == .retryInfo(.milliseconds(900)))
    }

    @Test("Retry-After as seconds and as an HTTP date")
    func retryAfter() {
        let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT
        #expect(RetryAfter.parse("120", now: now) == .seconds(120))
        #expect(RetryAfter.parse("Sun, 06 Nov 1994 08:50:37 GMT", now: now) == .seconds(60))
        #expect(RetryAfter.parse("Sunday, 06-Nov-94 08:49:47 GMT", now: now) == .seconds(10))
        #expect(RetryAfter.parse("Sun Nov  6 08:49:57 1994", now: now) == .seconds(20))
        #expect(RetryAfter.parse("Sun, 06 Nov 1994 08:00:00 GMT", now: now) == .zero)
        #expect(RetryAfter.parse("soon", now: now) == nil)
        #expect(RetryAfter.parse("-5", now: now) == nil)
    }

    @Test("durations print as whole or tenth seconds")
    func printing() {
        #expect(GeminiError.seconds(.seconds(40)) == "40 s")
        #expect(GeminiError.seconds(.milliseconds(900)) == "0.9 s")
        #expect(GeminiError.seconds(.milliseconds(40_123)) == "41 s")
    }
}
