/// How far a batch job got (`GenerateContentBatch.batchStats`).
///
/// The counts are int64 in the proto, so the service writes them as JSON strings (`"requestCount": "12"`);
/// numbers are accepted too. Proto3 JSON leaves out zero values, so a missing count reads as `nil`, which a
/// caller may take as 0.
public struct BatchStats: Sendable, Hashable {
    public var requestCount: Int?
    public var successfulRequestCount: Int?
    public var failedRequestCount: Int?
    public var pendingRequestCount: Int?

    public init(
        requestCount: Int? = nil, successfulRequestCount: Int? = nil, failedRequestCount: Int? = nil,
        pendingRequestCount: Int? = nil
    ) {
        self.requestCount = requestCount
        self.successfulRequestCount = successfulRequestCount
        self.failedRequestCount = failedRequestCount
        self.pendingRequestCount = pendingRequestCount
    }
}

extension BatchStats: Codable {
    enum CodingKeys: String, CodingKey {
        case requestCount, successfulRequestCount, failedRequestCount, pendingRequestCount
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        requestCount = container.lenientInt32(.requestCount)
        successfulRequestCount = container.lenientInt32(.successfulRequestCount)
        failedRequestCount = container.lenientInt32(.failedRequestCount)
        pendingRequestCount = container.lenientInt32(.pendingRequestCount)
    }

    /// Written the way the service writes them: decimal strings.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(requestCount.map(String.init), forKey: .requestCount)
        try container.encodeIfPresent(successfulRequestCount.map(String.init), forKey: .successfulRequestCount)
        try container.encodeIfPresent(failedRequestCount.map(String.init), forKey: .failedRequestCount)
        try container.encodeIfPresent(pendingRequestCount.map(String.init), forKey: .pendingRequestCount)
    }
}
