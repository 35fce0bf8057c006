import Foundation

/// Reading JSON a client sent (a batch's requests, an input file's lines) and JSON a reply carries (a scripted
/// `generateContent` answer that becomes one batch result). Object keys come out sorted: `JSONDecoder` does not
/// keep their order, and sorted is at least the same every run.
extension FakeJSON: Decodable {
    private struct MemberKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: MemberKey.self) {
            self = .object(try object.allKeys.sorted { $0.stringValue < $1.stringValue }.map {
                Member($0.stringValue, try object.decode(FakeJSON.self, forKey: $0))
            })
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            var items: [FakeJSON] = []
            while !array.isAtEnd { items.append(try array.decode(FakeJSON.self)) }
            self = .array(items)
            return
        }
        let value = try decoder.singleValueContainer()
        if value.decodeNil() {
            self = .null
        } else if let bool = try? value.decode(Bool.self) {
            self = .bool(bool)
        } else if let int = try? value.decode(Int.self) {
            self = .int(int)
        } else if let double = try? value.decode(Double.self) {
            self = .double(double)
        } else {
            self = .string(try value.decode(String.self))
        }
    }

    /// `bytes` parsed, or nil when they are not JSON.
    public static func parse(_ bytes: [UInt8]) -> FakeJSON? {
        try? JSONDecoder().decode(FakeJSON.self, from: Data(bytes))
    }

    /// The text when this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The items when this is an array.
    public var arrayValue: [FakeJSON]? {
        if case .array(let items) = self { return items }
        return nil
    }
}
