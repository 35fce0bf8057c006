import Foundation

/// Undoes Python's `repr()` of a string: `'```json\n[...]\n```'` → the text it stands for.
///
/// Why: answers copied out of notebooks (`response.text` evaluated bare) arrive as Python string literals,
/// with `\n` and `\'` escaped. A model never produces this shape itself — a whole answer that is exactly one
/// quoted literal — so decoding it first is safe and makes such answers parse exactly like the real text.
enum PythonStringLiteral {
    /// The decoded text when `text` (ignoring surrounding whitespace) is exactly one `'…'` or `"…"` literal.
    static func decode(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let scalars = Array(trimmed.unicodeScalars)
        guard scalars.count >= 2, let quote = scalars.first, quote == "'" || quote == "\"", scalars.last == quote else { return nil }
        var output = String.UnicodeScalarView()
        var index = 1
        let end = scalars.count - 1
        while index < end {
            let scalar = scalars[index]
            if scalar == quote || scalar == "\n" { return nil }  // an unescaped quote or newline: not one literal
            guard scalar == "\\" else {
                output.append(scalar)
                index += 1
                continue
            }
            guard index + 1 < end else { return nil }
            let escape = scalars[index + 1]
            index += 2
            switch escape {
            case "n": output.append("\n")
            case "t": output.append("\t")
            case "r": output.append("\r")
            case "\\", "'", "\"": output.append(escape)
            case "x", "u", "U":
                let digits = escape == "x" ? 2 : escape == "u" ? 4 : 8
                guard index + digits <= end,
                      let value = UInt32(String(String.UnicodeScalarView(scalars[index..<index + digits])), radix: 16),
                      let decoded = Unicode.Scalar(value) else { return nil }
                output.append(decoded)
                index += digits
            default:
                // Python keeps unknown escapes verbatim.
                output.append("\\")
                output.append(escape)
            }
        }
        return String(output)
    }
}
