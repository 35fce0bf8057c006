import Foundation

/// One turn of a conversation: a role and its ordered parts.
///
/// Shared by requests and responses. A final stream chunk often carries `{"role": "model"}` with no
/// `parts` at all, so `parts` decodes to an empty array when missing.
public struct Content: Sendable, Hashable {
    public var role: String?
    public var parts: [Part]

    public init(role: String? = "user", parts: [Part]) {
        self.role = role
        self.parts = parts
    }
}

extension Content: Codable {
    enum CodingKeys: String, CodingKey { case role, parts }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        role = container.lenient(String.self, .role)
        parts = container.lenientArray(Part.self, .parts) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(role, forKey: .role)
        try container.encode(parts, forKey: .parts)
    }
}
