import Foundation

/// How every `--json` output is written: one compact document per line, keys sorted (the documented order),
/// slashes unescaped, a `version` field on the top-level object, and on a terminal the C1 controls and bidi
/// overrides that JSON leaves raw escaped as well.
enum JSONOutput {
    /// The version of every JSON shape squint prints; raised when a field changes meaning or goes away.
    static let version = 1

    /// `value` as one line, with a trailing newline.
    static func line<T: Encodable>(_ value: T, forTerminal: Bool = Output.standardOutput.isTerminal) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return escaped(text, forTerminal: forTerminal) + "\n"
    }

    /// A `JSONSerialization` object as one line, with a trailing newline.
    static func line(object: Any, forTerminal: Bool = Output.standardOutput.isTerminal) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return escaped(String(decoding: data, as: UTF8.self), forTerminal: forTerminal) + "\n"
    }

    static func escaped(_ text: String, forTerminal: Bool) -> String {
        guard forTerminal else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x7F, 0x80..<0xA0, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C:
                out += String(format: "\\u%04x", scalar.value)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// A list under its name with the version beside it: `{"models": [...], "version": 1}`.
struct VersionedList<Item: Encodable>: Encodable {
    let name: String
    let items: [Item]

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(items, forKey: Key(stringValue: name))
        try container.encode(JSONOutput.version, forKey: Key(stringValue: "version"))
    }
}
