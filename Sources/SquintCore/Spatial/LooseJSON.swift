import Foundation

/// A parsed JSON value, loose enough for model output (numbers may arrive as strings).
enum LooseJSON: Sendable, Equatable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([LooseJSON])
    case object([String: LooseJSON])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([LooseJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: LooseJSON].self))
        }
    }

    /// Parses one JSON text, first removing trailing commas (`[1, 2,]`, `{"a": 1,}`), which models emit often.
    /// Python-style items (`{'label': 'cat', 'box_2d': [...]}`) are accepted too, as a fallback.
    static func parse(_ text: Substring) -> LooseJSON? {
        let cleaned = JSONText.removingTrailingCommas(text)
        if let value = try? JSONDecoder().decode(LooseJSON.self, from: Data(cleaned.utf8)) { return value }
        let converted = JSONText.removingTrailingCommas(Substring(JSONText.pythonLiteralAsJSON(String(text))))
        return try? JSONDecoder().decode(LooseJSON.self, from: Data(converted.utf8))
    }

    /// A number, or a string holding one (`"512"`, `" 3.5 "`).
    var number: Double? {
        switch self {
        case .number(let value): value.isFinite ? value : nil
        case .string(let text): Double(text.trimmingCharacters(in: .whitespaces)).flatMap { $0.isFinite ? $0 : nil }
        default: nil
        }
    }

    /// A list of numbers, or nil when any element is not one.
    var numbers: [Double]? {
        guard case .array(let values) = self else { return nil }
        let numbers = values.compactMap(\.number)
        return numbers.count == values.count ? numbers : nil
    }

    var string: String? {
        switch self {
        case .string(let text): text
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        default: nil
        }
    }

    subscript(key: String) -> LooseJSON? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }
}
