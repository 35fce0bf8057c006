import Foundation

/// The outcome of one request of a batch: an answer or a `google.rpc.Status`, under the request's key.
///
/// Read from both places a batch returns results, which carry the key differently: a line of the responses
/// file (`{"key": "k", "response": {...}}` or `{"key": "k", "error": {...}}`) and an entry of
/// `inlinedResponses` (`{"response": {...}, "metadata": {"key": "k"}}`), where `metadata` is whatever the
/// request carried. Decoding is lenient: a response that does not decode leaves `response` nil instead of
/// losing the line.
public struct BatchResultLine: Sendable, Hashable {
    /// `key` of the line, else `metadata.key`; nil when the request had none (inline results then follow the
    /// order of the requests).
    public var key: String?
    public var response: GenerateContentResponse?
    /// Why this one request failed; the rest of the batch is unaffected.
    public var error: RPCStatus?
    /// The request's `metadata`, as sent back (inline results only).
    public var metadata: JSONValue?

    public init(key: String?, response: GenerateContentResponse? = nil, error: RPCStatus? = nil,
                metadata: JSONValue? = nil) {
        self.key = key
        self.response = response
        self.error = error
        self.metadata = metadata
    }

    /// The lines of a responses file. Blank lines are skipped, and so is a line that is not a JSON object: its
    /// key is then missing from the result, which a caller treats like any unanswered request.
    public static func parseJSONL(_ data: Data) -> [BatchResultLine] {
        let decoder = JSONDecoder()
        return data.split(separator: 0x0A, omittingEmptySubsequences: true).compactMap { line in
            let trimmed = line.last == 0x0D ? line.dropLast() : line
            guard trimmed.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return nil }
            return try? decoder.decode(BatchResultLine.self, from: Data(trimmed))
        }
    }
}

extension BatchResultLine: Codable {
    enum CodingKeys: String, CodingKey { case key, response, error, metadata }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metadata = container.lenient(JSONValue.self, .metadata)
        var key = container.lenient(String.self, .key)
        if key == nil, case .object(let members)? = metadata, case .string(let value)? = members["key"] {
            key = value
        }
        self.key = key
        response = container.lenient(GenerateContentResponse.self, .response)
        error = container.lenient(RPCStatus.self, .error)
    }

    /// The responses-file form: `key` at the top, with `metadata` only when there is one.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(key, forKey: .key)
        try container.encodeIfPresent(response, forKey: .response)
        try container.encodeIfPresent(error, forKey: .error)
        try container.encodeIfPresent(metadata, forKey: .metadata)
    }
}
