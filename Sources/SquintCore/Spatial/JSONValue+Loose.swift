import Foundation
import GeminiAPI

/// Model output read as JSON, loosely: numbers may arrive as strings, trailing commas and Python literals happen.
/// The value type is GeminiAPI's `JSONValue`; only the reading is looser here.
extension JSONValue {
    /// Parses one JSON text, first removing trailing commas (`[1, 2,]`, `{"a": 1,}`), which models emit often.
    /// Python-style items (`{'label': 'cat', 'box_2d': [...]}`) are accepted too, as a fallback.
    static func parseLoosely(_ text: Substring) -> JSONValue? {
        let cleaned = JSONText.removingTrailingCommas(text)
        if let value = try? JSONDecoder().decode(JSONValue.self, from: Data(cleaned.utf8)) { return value }
        let converted = JSONText.removingTrailingCommas(Substring(JSONText.pythonLiteralAsJSON(String(text))))
        return try? JSONDecoder().decode(JSONValue.self, from: Data(converted.utf8))
    }

    /// A number, or a string holding one (`"512"`, `" 3.5 "`).
    var looseNumber: Double? {
        switch self {
        case .number(let value): value.isFinite ? value : nil
        case .string(let text): Double(text.trimmingCharacters(in: .whitespaces)).flatMap { $0.isFinite ? $0 : nil }
        default: nil
        }
    }

    /// A list of numbers, or nil when any element is not one.
    var looseNumbers: [Double]? {
        guard case .array(let values) = self else { return nil }
        let numbers = values.compactMap(\.looseNumber)
        return numbers.count == values.count ? numbers : nil
    }

    /// A string, or a number written as one (labels like `3`).
    var looseString: String? {
        switch self {
        case .string(let text): text
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        default: nil
        }
    }
}
