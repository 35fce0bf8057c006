/// One page of `batches`.
public struct ListBatchesResponse: Sendable, Hashable {
    public var batches: [BatchJob]
    public var nextPageToken: String?

    public init(batches: [BatchJob], nextPageToken: String? = nil) {
        self.batches = batches
        self.nextPageToken = nextPageToken
    }
}

extension ListBatchesResponse: Codable {
    enum CodingKeys: String, CodingKey { case batches, operations, nextPageToken }

    /// `batches.list` is an operations listing, so the jobs come under `operations` (as the official SDK reads
    /// them); `batches` is accepted too. An empty listing may be `{}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        batches = container.lenientArray(BatchJob.self, .operations) ?? container.lenientArray(BatchJob.self, .batches) ?? []
        nextPageToken = container.lenient(String.self, .nextPageToken)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(batches, forKey: .operations)
        try container.encodeIfPresent(nextPageToken, forKey: .nextPageToken)
    }
}
