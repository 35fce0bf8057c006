/// A proto enum as it travels in JSON: a string that may hold a value this build has never seen.
///
/// The service adds enum values (new finish reasons, new harm categories) without a version bump, so
/// they are string-backed structs with well-known constants, never Swift enums that would fail to decode.
public protocol WireEnum: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible
where RawValue == String {
    init(rawValue: String)
}

extension WireEnum {
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}
