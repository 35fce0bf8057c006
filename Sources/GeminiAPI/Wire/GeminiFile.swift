/// A file uploaded with the Files API.
public struct GeminiFile: Sendable, Hashable {
    /// Resource name, `files/abc123`.
    public var name: String
    public var displayName: String?
    public var mimeType: String?
    /// Size in bytes; the service sends it as a string (proto3 int64), some proxies as a number.
    public var sizeBytes: Int64?
    public var createTime: String?
    public var updateTime: String?
    public var expirationTime: String?
    public var sha256Hash: String?
    /// What a `fileData.fileUri` must hold to reference this file.
    public var uri: String?
    public var state: FileState?
    public var source: String?
    /// Why processing failed, when `state` is `FAILED`.
    public var error: RPCStatus?

    public init(name: String, uri: String? = nil, mimeType: String? = nil, state: FileState? = nil) {
        self.name = name
        self.uri = uri
        self.mimeType = mimeType
        self.state = state
    }
}

extension GeminiFile: Codable {
    enum CodingKeys: String, CodingKey {
        case name, displayName, mimeType, sizeBytes, createTime, updateTime, expirationTime, sha256Hash, uri
        case state, source, error
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = container.lenient(String.self, .name) ?? ""
        displayName = container.lenient(String.self, .displayName)
        mimeType = container.lenient(String.self, .mimeType)
        sizeBytes = container.lenientInt(.sizeBytes)
        createTime = container.lenient(String.self, .createTime)
        updateTime = container.lenient(String.self, .updateTime)
        expirationTime = container.lenient(String.self, .expirationTime)
        sha256Hash = container.lenient(String.self, .sha256Hash)
        uri = container.lenient(String.self, .uri)
        state = container.lenient(FileState.self, .state)
        source = container.lenient(String.self, .source)
        error = container.lenient(RPCStatus.self, .error)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(displayName, forKey: .displayName)
        try container.encodeIfPresent(mimeType, forKey: .mimeType)
        try container.encodeIfPresent(sizeBytes.map(String.init), forKey: .sizeBytes)
        try container.encodeIfPresent(createTime, forKey: .createTime)
        try container.encodeIfPresent(updateTime, forKey: .updateTime)
        try container.encodeIfPresent(expirationTime, forKey: .expirationTime)
        try container.encodeIfPresent(sha256Hash, forKey: .sha256Hash)
        try container.encodeIfPresent(uri, forKey: .uri)
        try container.encodeIfPresent(state, forKey: .state)
        try container.encodeIfPresent(source, forKey: .source)
        try container.encodeIfPresent(error, forKey: .error)
    }
}
