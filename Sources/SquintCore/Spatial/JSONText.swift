/// Byte-level helpers over JSON text that respect strings and escapes.
enum JSONText {
    /// Removes every comma that is followed (after whitespace) by `]` or `}`, outside strings.
    static func removingTrailingCommas(_ text: Substring) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var inString = false
        var escaped = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                output.append(byte)
            } else if byte == UInt8(ascii: "\"") {
                inString = true
                output.append(byte)
            } else if byte == UInt8(ascii: ",") {
                var next = index + 1
                while next < bytes.count, isWhitespace(bytes[next]) { next += 1 }
                if next < bytes.count, bytes[next] == UInt8(ascii: "]") || bytes[next] == UInt8(ascii: "}") {
                    // Drop the comma, keep the whitespace.
                } else {
                    output.append(byte)
                }
            } else {
                output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// Python literal syntax as JSON: `'single-quoted'` strings become `"double-quoted"` ones and the bare words
    /// `True`, `False`, `None` become `true`, `false`, `null`. For answers printed as a Python list of dicts.
    static func pythonLiteralAsJSON(_ text: String) -> String {
        var output = ""
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\"":
                output.unicodeScalars.append(scalar)
                var escaped = false
                while let inner = scalars.popFirst() {
                    output.unicodeScalars.append(inner)
                    if escaped { escaped = false } else if inner == "\\" { escaped = true } else if inner == "\"" { break }
                }
            case "'":
                output += "\""
                while let inner = scalars.popFirst() {
                    if inner == "\\", let next = scalars.popFirst() {
                        output += next == "'" ? "'" : "\\" + String(next)
                    } else if inner == "'" {
                        break
                    } else if inner == "\"" {
                        output += "\\\""
                    } else {
                        output.unicodeScalars.append(inner)
                    }
                }
                output += "\""
            default:
                let rest = String(String.UnicodeScalarView(scalars))
                let previous = output.unicodeScalars.last
                let startsWord = previous == nil || !(previous!.properties.isAlphabetic || previous! == "_")
                if startsWord, let (word, json) = [("True", "true"), ("False", "false"), ("None", "null")].first(where: { (String(scalar) + rest).hasPrefix($0.0) }) {
                    output += json
                    scalars = scalars.dropFirst(word.unicodeScalars.count - 1)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }
}
