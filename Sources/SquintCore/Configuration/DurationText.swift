import Foundation
import GeminiAPI

/// Durations written by people: `"900ms"`, `"2s"`, `"1.5s"`, `"5m"` (and the protobuf form `"40s"` the API uses).
public enum DurationText {
    /// The duration, or `nil` when the text is not one (no unit, negative, NaN, infinite).
    ///
    /// An enormous value (`"1e300s"`) saturates at `CheckedDuration.ceiling` (100 years) instead of trapping;
    /// callers with a real limit, like the config reader, reject it by comparing against their own maximum.
    public static func parse(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for unit in units where trimmed.hasSuffix(unit.suffix) {
            let number = trimmed.dropLast(unit.suffix.count)
            guard !number.isEmpty, let value = Double(number) else { return nil }
            return CheckedDuration.saturating(value, unitSeconds: unit.seconds)
        }
        return nil
    }

    /// `"1.5 s"`, `"900 ms"`: for messages. A saturated duration prints as the lower bound it is
    /// (and keeps `Int(...)` below in range).
    public static func format(_ duration: Duration) -> String {
        if duration >= CheckedDuration.ceiling { return "100 years or more" }
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        if milliseconds < 1000 { return "\(Int(milliseconds.rounded())) ms" }
        let seconds = milliseconds / 1000
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.1f s", seconds)
    }
}
