import Foundation

/// Parses durations as the API writes them.
///
/// proto3 JSON writes `google.protobuf.Duration` as decimal seconds with an `s` suffix (`"40s"`,
/// `"0.9s"`, `"1.000340012s"`). Some backends write `"900ms"`, and a few send the object form
/// `{"seconds": "40", "nanos": 0}`; all are accepted.
///
/// A value too large to mean anything (`"10000000000s"`) saturates at `CheckedDuration.ceiling` rather than
/// trapping or reading as absent, so the retry policy still sees "longer than I will wait" and gives up
/// saying why. Negative, NaN and infinite values are unreadable (`nil`).
public enum ProtobufDuration {
    public static func parse(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let units: [(suffix: String, scale: Double)] = [
            ("ms", 0.001), ("us", 0.000_001), ("µs", 0.000_001), ("ns", 0.000_000_001), ("s", 1), ("m", 60), ("h", 3600),
        ]
        for unit in units where trimmed.hasSuffix(unit.suffix) {
            return seconds(String(trimmed.dropLast(unit.suffix.count)), scale: unit.scale)
        }
        return seconds(trimmed, scale: 1)
    }

    static func parse(_ json: JSONValue) -> Duration? {
        switch json {
        case .string(let text):
            return parse(text)
        case .number(let value):
            return CheckedDuration.saturating(value)
        case .object(let members):
            let secondsValue: Double? =
                switch members["seconds"] {
                case .string(let text)?: Double(text)
                case .number(let value)?: value
                default: members["nanos"] == nil ? nil : 0
                }
            guard let secondsValue else { return nil }
            var nanos: Double = 0
            if case .number(let value)? = members["nanos"] { nanos = value }
            if case .string(let text)? = members["nanos"] { nanos = Double(text) ?? 0 }
            // proto3 keeps `nanos` within ±999,999,999 with the sign of `seconds`; whatever a server sends,
            // the sum is checked like any other value (an infinite or NaN part makes it unreadable).
            return CheckedDuration.saturating(secondsValue + nanos / 1e9)
        default:
            return nil
        }
    }

    private static func seconds(_ number: String, scale: Double) -> Duration? {
        guard !number.isEmpty, let value = Double(number) else { return nil }
        return CheckedDuration.saturating(value, unitSeconds: scale)
    }
}
