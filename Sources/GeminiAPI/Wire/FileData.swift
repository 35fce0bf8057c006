import Foundation

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
