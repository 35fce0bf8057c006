/// What a finished batch produced (`GenerateContentBatchOutput`): a responses file for a batch read from a
/// file, the answers themselves for a batch of inline requests.
public struct BatchOutput: Sendable, Hashable {
    /// `files/…`: a JSONL file of `BatchResultLine`s, fetched with `downloadFile(name:)`.
    public var responsesFile: String?
    /// The results in the order of the requests.
    public var inlinedResponses: [BatchResultLine]?

    public init(responsesFile: String? = nil, inlinedResponses: [BatchResultLine]? = nil) {
        self.responsesFile = responsesFile
        self.inlinedResponses = inlinedResponses
    }

    /// Whether this names any result at all: an `output` with neither is a placeholder, not an outcome.
    public var isEmpty: Bool { responsesFile == nil && inlinedResponses == nil }
}

extension BatchOutput: Codable {
    enum CodingKeys: String, CodingKey { case responsesFile, inlinedResponses, output }
    private enum InlinedKeys: String, CodingKey { case inlinedResponses }

    /// The proto nests the list once more (`inlinedResponses: {inlinedResponses: [...]}`); a bare list is read
    /// too. An operation's `response` may also be a `BatchGenerateContentResponse`, which holds this under
    /// `output`: that is looked into when the top level names nothing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        responsesFile = container.lenient(String.self, .responsesFile).flatMap { $0.isEmpty ? nil : $0 }
        if let nested = try? container.nestedContainer(keyedBy: InlinedKeys.self, forKey: .inlinedResponses) {
            inlinedResponses = nested.lenientArray(BatchResultLine.self, .inlinedResponses) ?? []
        } else {
            inlinedResponses = container.lenientArray(BatchResultLine.self, .inlinedResponses)
        }
        if isEmpty, let inner = container.lenient(BatchOutput.self, .output) {
            self = inner
        }
    }

    /// The service's form, with the nested list.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(responsesFile, forKey: .responsesFile)
        if let inlinedResponses {
            var nested = container.nestedContainer(keyedBy: InlinedKeys.self, forKey: .inlinedResponses)
            try nested.encode(inlinedResponses, forKey: .inlinedResponses)
        }
    }
}
