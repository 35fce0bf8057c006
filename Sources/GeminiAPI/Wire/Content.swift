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

/// A reference to an uploaded file (`fileData`).
public struct FileData: Sendable, Hashable {
    public var mimeType: String?
    public var fileUri: String

    public init(mimeType: String?, fileUri: String) {
        self.mimeType = mimeType
        self.fileUri = fileUri
    }
}

extension FileData: Codable {
    enum CodingKeys: String, CodingKey { case mimeType, fileUri }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        mimeType = container.lenient(String.self, .mimeType)
        fileUri = container.lenient(String.self, .fileUri) ?? ""
    }
}

/// One part of a `Content`: text, inline bytes or a file reference.
///
/// Exactly one payload field is set in a request. In responses, `thought == true` marks the model's
/// reasoning summary, which callers must keep apart from the answer text.
public struct Part: Sendable, Hashable {
    public var text: String?
    public var inlineData: Blob?
    public var fileData: FileData?
    /// `true` on reasoning-summary parts (requested with `thinkingConfig.includeThoughts`).
    public var thought: Bool?
    /// Opaque signature of the model's reasoning, to send back unchanged in multi-turn requests.
    public var thoughtSignature: String?

    public init(
        text: String? = nil, inlineData: Blob? = nil, fileData: FileData? = nil, thought: Bool? = nil,
        thoughtSignature: String? = nil
    ) {
        self.text = text
        self.inlineData = inlineData
        self.fileData = fileData
        self.thought = thought
        self.thoughtSignature = thoughtSignature
    }

    public static func text(_ text: String) -> Part { Part(text: text) }

    public static func inline(_ bytes: Data, mimeType: String) -> Part {
        Part(inlineData: Blob(mimeType: mimeType, data: bytes))
    }

    public static func file(uri: String, mimeType: String?) -> Part {
        Part(fileData: FileData(mimeType: mimeType, fileUri: uri))
    }

    /// Whether this part is reasoning rather than answer.
    public var isThought: Bool { thought == true }
}

extension Part: Codable {
    enum CodingKeys: String, CodingKey { case text, inlineData, fileData, thought, thoughtSignature }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = container.lenient(String.self, .text)
        inlineData = container.lenient(Blob.self, .inlineData)
        fileData = container.lenient(FileData.self, .fileData)
        thought = container.lenient(Bool.self, .thought)
        thoughtSignature = container.lenient(String.self, .thoughtSignature)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(text, forKey: .text)
        try container.encodeIfPresent(inlineData, forKey: .inlineData)
        try container.encodeIfPresent(fileData, forKey: .fileData)
        try container.encodeIfPresent(thought, forKey: .thought)
        try container.encodeIfPresent(thoughtSignature, forKey: .thoughtSignature)
    }
}
