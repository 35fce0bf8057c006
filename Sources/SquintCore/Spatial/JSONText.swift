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
}
