import Foundation

/// Removes the API key from text that came from outside.
///
/// Servers and proxies quote requests back: an error page may echo a URL with `key=…`, a debugging
/// proxy may echo headers. Everything that enters a `GeminiError` or a log line passes through here.
public struct KeyRedactor: Sendable {
    public static let placeholder = "[REDACTED]"
    private let secrets: [String]

    /// - Parameter apiKey: the key to remove; keys shorter than 4 characters are treated as absent
    ///   (redacting every "a" would destroy messages without protecting anything).
    public init(apiKey: String) {
        let trimmed = apiKey.trimmingCharacters(in: .whitespacesAndNewlines)
        var secrets: [String] = []
        if trimmed.count >= 4 {
            secrets.append(trimmed)
            let encoded = trimmed.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? trimmed
            if encoded != trimmed { secrets.append(encoded) }
        }
        self.secrets = secrets
    }

    /// The text with every occurrence of the key, any `key=` query value and anything shaped like a
    /// Google API key replaced by `[REDACTED]`.
    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Self.placeholder)
        }
        return Self.redactKeyShapes(in: result)
    }

    /// Redacts `key=VALUE` query parameters and `AIza…` tokens without knowing the key.
    public static func redactKeyShapes(in text: String) -> String {
        guard text.contains("key=") || text.contains("AIza") else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if matches(scalars, at: index, "key="), index == 0 || !isKeyChar(scalars[index - 1]) || scalars[index - 1] == "_" {
                output.unicodeScalars.append(contentsOf: "key=".unicodeScalars)
                index += 4
                var end = index
                while end < scalars.count, !terminatesQueryValue(scalars[end]) { end += 1 }
                if end > index { output += placeholder }
                index = end
                continue
            }
            if matches(scalars, at: index, "AIza") {
                var end = index + 4
                while end < scalars.count, isKeyChar(scalars[end]) { end += 1 }
                if end - index >= 30 {
                    output += placeholder
                    index = end
                    continue
                }
            }
            output.unicodeScalars.append(scalars[index])
            index += 1
        }
        return output
    }

    private static func matches(_ scalars: [Unicode.Scalar], at index: Int, _ word: String) -> Bool {
        var position = index
        for scalar in word.unicodeScalars {
            guard position < scalars.count, scalars[position] == scalar else { return false }
            position += 1
        }
        return true
    }

    private static func isKeyChar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
    }

    private static func terminatesQueryValue(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "&" || scalar == "#" || scalar == "\"" || scalar == "'" || scalar == "<" || scalar == ">"
            || scalar.properties.isWhitespace || scalar == ","
    }
}
