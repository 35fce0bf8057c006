import Foundation

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
    /// Gemini 3: how many tokens this image may take.
    public var mediaResolution: PartMediaResolution?

    public init(
        text: String? = nil, inlineData: Blob? = nil, fileData: FileData? = nil, thought: Bool? = nil,
        thoughtSignature: String? = nil, mediaResolution: PartMediaResolution? = nil
    ) {
        self.mediaResolution = mediaResolution
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
    enum CodingKeys: String, CodingKey { case text, inlineData, fileData, thought, thoughtSignature, mediaResolution }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = container.lenient(String.self, .text)
        inlineData = container.lenient(Blob.self, .inlineData)
        fileData = container.lenient(FileData.self, .fileData)
        thought = container.lenient(Bool.self, .thought)
        thoughtSignature = container.lenient(String.self, .thoughtSignature)
        mediaResolution = container.lenient(PartMediaResolution.self, .mediaResolution)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(text, forKey: .text)
        try container.encodeIfPresent(inlineData, forKey: .inlineData)
        try container.encodeIfPresent(fileData, forKey: .fileData)
        try container.encodeIfPresent(thought, forKey: .thought)
        try container.encodeIfPresent(thoughtSignature, forKey: .thoughtSignature)
        try container.encodeIfPresent(mediaResolution, forKey: .mediaResolution)
    }
}
