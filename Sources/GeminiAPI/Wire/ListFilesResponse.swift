/// One page of `files`.
public struct ListFilesResponse: Sendable, Hashable {
    public var files: [GeminiFile]
    public var nextPageToken: String?
}

extension ListFilesResponse: Codable {
    enum CodingKeys: String, CodingKey { case files, nextPageToken }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        files = container.lenientArray(GeminiFile.self, .files) ?? []
        nextPageToken = container.lenient(String.self, .nextPageToken)
    }
}
