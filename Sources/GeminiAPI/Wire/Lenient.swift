import Foundation

/// Lenient decoding helpers.
///
/// The service adds fields and enum values without notice, and proxies or older backends send numbers
/// as strings. A response must still decode, so every field is optional and a field of the wrong
/// shape becomes `nil` instead of failing the whole answer.
extension KeyedDecodingContainer {
    func lenient<T: Decodable>(_ type: T.Type, _ key: Key) -> T? {
        (try? decodeIfPresent(type, forKey: key)) ?? nil
    }

    /// An array whose undecodable elements are dropped rather than failing the array.
    func lenientArray<T: Decodable>(_ type: T.Type, _ key: Key) -> [T]? {
        guard let elements = try? decodeIfPresent([Lenient<T>].self, forKey: key) else { return nil }
        return elements.compactMap(\.value)
    }

    /// An integer sent as a JSON number or as a decimal string (int64 fields are strings in proto3 JSON).
    func lenientInt(_ key: Key) -> Int64? {
        if let number = try? decodeIfPresent(Int64.self, forKey: key) { return number }
        if let double = try? decodeIfPresent(Double.self, forKey: key), double.rounded() == double,
            abs(double) < 9.2e18
        {
            return Int64(double)
        }
        if let string = try? decodeIfPresent(String.self, forKey: key) {
            return Int64(string.trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    func lenientInt32(_ key: Key) -> Int? {
        lenientInt(key).flatMap { Int(exactly: $0) }
    }

    /// A number sent as a JSON number or as a string.
    func lenientDouble(_ key: Key) -> Double? {
        if let number = try? decodeIfPresent(Double.self, forKey: key) { return number }
        if let string = try? decodeIfPresent(String.self, forKey: key) { return Double(string) }
        return nil
    }
}

/// One element of a lenient array: `nil` when it did not decode.
struct Lenient<T: Decodable>: Decodable {
    let value: T?

    init(from decoder: any Decoder) throws {
        value = try? T(from: decoder)
    }
}
