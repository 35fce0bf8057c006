/// One page of `models`.
public struct ListModelsResponse: Sendable, Hashable {
    public var models: [Model]
    /// Absent or empty on the last page.
    public var nextPageToken: String?
}

extension ListModelsResponse: Codable {
    enum CodingKeys: String, CodingKey { case models, nextPageToken }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        models = container.lenientArray(Model.self, .models) ?? []
        nextPageToken = container.lenient(String.self, .nextPageToken)
    }
}
