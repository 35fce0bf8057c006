import Foundation

/// Raw bytes with their MIME type (`inlineData`).
public struct Blob: Sendable, Hashable {
    public var mimeType: String
    public var data: Data

    public init(mimeType: String, data: Data) {
        self.mimeType = mimeType
        self.data = data
    }
}

extension Blob: Codable {
    enum CodingKeys: String, CodingKey { case mimeType, data }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        mimeType = container.lenient(String.self, .mimeType) ?? ""
        data = container.lenient(String.self, .data).flatMap(LenientBase64.decode) ?? Data()
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mimeType, forKey: .mimeType)
        try container.encode(data.base64EncodedString(), forKey: .data)
    }
}
