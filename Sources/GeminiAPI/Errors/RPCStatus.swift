/// A `google.rpc.Status`, the body of every API error: `{"error": {"code", "message", "status", "details"}}`.
///
/// `details` is kept raw and parsed on demand into the typed payloads the service actually sends
/// (`RetryInfo`, `QuotaFailure`, `ErrorInfo`, `Help`, `BadRequest`, `LocalizedMessage`), so an unknown
/// detail type never fails decoding.
public struct RPCStatus: Sendable, Hashable {
    /// The HTTP-like code (`429`) — the service puts the HTTP status here, not the gRPC code.
    public var code: Int?
    public var message: String?
    /// The canonical code name, `RESOURCE_EXHAUSTED`.
    public var status: String?
    public var rawDetails: [JSONValue]

    public init(code: Int? = nil, message: String? = nil, status: String? = nil, rawDetails: [JSONValue] = []) {
        self.code = code
        self.message = message
        self.status = status
        self.rawDetails = rawDetails
    }

    /// The typed details, in order.
    public var details: [ErrorDetail] { rawDetails.map(ErrorDetail.init(json:)) }

    /// `RetryInfo.retryDelay`: how long the server asks the caller to wait.
    public var retryDelay: Duration? {
        for case .retryInfo(let delay) in details { if let delay { return delay } }
        return nil
    }

    /// All `QuotaFailure` violations.
    public var quotaViolations: [QuotaViolation] {
        details.flatMap { detail -> [QuotaViolation] in
            if case .quotaFailure(let violations) = detail { return violations }
            return []
        }
    }

    /// The first `ErrorInfo`.
    public var errorInfo: ErrorInfo? {
        for case .errorInfo(let info) in details { return info }
        return nil
    }

    /// All `Help` links.
    public var helpLinks: [HelpLink] {
        details.flatMap { detail -> [HelpLink] in
            if case .help(let links) = detail { return links }
            return []
        }
    }

    /// All `BadRequest` field violations.
    public var fieldViolations: [FieldViolation] {
        details.flatMap { detail -> [FieldViolation] in
            if case .badRequest(let violations) = detail { return violations }
            return []
        }
    }

    /// The first `LocalizedMessage`, which is sometimes clearer than `message`.
    public var localizedMessage: String? {
        for case .localizedMessage(let message) in details { return message }
        return nil
    }
}

extension RPCStatus: Codable {
    enum CodingKeys: String, CodingKey { case code, message, status, details }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = container.lenientInt32(.code)
        message = container.lenient(String.self, .message)
        status = container.lenient(String.self, .status)
        rawDetails = container.lenientArray(JSONValue.self, .details) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(code, forKey: .code)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encodeIfPresent(status, forKey: .status)
        if !rawDetails.isEmpty { try container.encode(rawDetails, forKey: .details) }
    }
}

/// The envelope of an error body: `{"error": Status}`.
struct RPCErrorEnvelope: Decodable {
    var error: RPCStatus
}
