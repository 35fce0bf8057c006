import Foundation

/// Parses the `Retry-After` header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
public enum RetryAfter {
    /// The delay the header asks for, relative to `now`; `nil` when absent or unreadable.
    /// A date in the past means "now" (zero). A delay too large to mean anything
    /// (`99999999999999999999`, a date in the year 9999) saturates at `CheckedDuration.ceiling`, so the
    /// retry policy gives up at once and says why instead of trapping on the conversion.
    public static func parse(_ value: String, now: Date = Date()) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed) { return CheckedDuration.saturating(seconds) }
        guard let date = httpDate(trimmed) else { return nil }
        return CheckedDuration.saturating(max(0, date.timeIntervalSince(now)))
    }

    /// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the obsolete RFC 850 form and asctime.
    static func httpDate(_ text: String) -> Date? {
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
