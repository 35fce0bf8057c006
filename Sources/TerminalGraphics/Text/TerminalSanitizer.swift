import Imaging

/// The one gate for untrusted text (file names, EXIF text, model answers, labels) on its way to a terminal.
///
/// C0 controls, DEL, C1 controls and the Unicode bidi overrides/isolates are replaced, so a file named
/// `"\u{1B}]0;pwned\u{7}.jpg"` or an answer containing escape sequences can change neither the title,
/// the colours nor the cursor. Tabs become spaces; newlines are kept only where the caller allows them.
public enum TerminalSanitizer {
    /// Returns `text` safe to print. Control characters become visible caret or escape notation such as `^[`
    /// (C0 and DEL) or `\u{9B}` (C1), so a person can still tell names apart.
    public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x0A where keepNewlines:
                out.append(scalar)
            case 0x09:
                out.append(" ")
            case 0x00..<0x20:
                out.append("^")
                out.append(Unicode.Scalar(UInt8(value + 0x40)))
            case 0x7F:
                out.append(contentsOf: "^?".unicodeScalars)
            case 0x80..<0xA0, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C:
                out.append(contentsOf: "\\u{\(String(value, radix: 16, uppercase: true))}".unicodeScalars)
            case FileSystemName.escapes:
                // A file name byte that is not UTF-8, shown as the byte: caf\xE9.jpg.
                out.append(contentsOf: FileSystemName.displayName(String(scalar)).unicodeScalars)
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// True when `text` would pass through `sanitize` unchanged.
    public static func isClean(_ text: String, keepNewlines: Bool = false) -> Bool {
        sanitize(text, keepNewlines: keepNewlines) == text
    }
}
