/// One entry of `google.rpc.Status.details`, written with its `@type` the way the service does.
public enum FakeErrorDetail: Sendable {
    /// `google.rpc.RetryInfo` with a protobuf duration such as `"2s"` or `"900ms"`.
    case retryInfo(String)
    /// `google.rpc.QuotaFailure` with one violation.
    case quotaFailure(metric: String, quotaID: String, model: String, value: String)
    /// `google.rpc.ErrorInfo`.
    case errorInfo(reason: String, domain: String, metadata: [(key: String, value: String)])
    /// `google.rpc.Help` with one link.
    case help(description: String, url: String)
    /// `google.rpc.BadRequest` with one field violation.
    case badRequest(field: String, description: String)
    /// Any other detail, written as given.
    case raw(FakeJSON)

    public var json: FakeJSON {
        switch self {
        case .retryInfo(let delay):
            return ["@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": .string(delay)]
        case .quotaFailure(let metric, let quotaID, let model, let value):
            return [
                "@type": "type.googleapis.com/google.rpc.QuotaFailure",
                "violations": [[
                    "quotaMetric": .string(metric),
                    "quotaId": .string(quotaID),
                    "quotaDimensions": ["location": "global", "model": .string(model)],
                    "quotaValue": .string(value),
                ]],
            ]
        case .errorInfo(let reason, let domain, let metadata):
            return [
                "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                "reason": .string(reason),
                "domain": .string(domain),
                "metadata": .object(metadata.map { FakeJSON.Member($0.key, .string($0.value)) }),
            ]
        case .help(let description, let url):
            return ["@type": "type.googleapis.com/google.rpc.Help",
                    "links": [["description": .string(description), "url": .string(url)]]]
        case .badRequest(let field, let description):
            return ["@type": "type.googleapis.com/google.rpc.BadRequest",
                    "fieldViolations": [["field": .string(field), "description": .string(description)]]]
        case .raw(let json):
            return json
        }
    }
}

/// The `{"error": google.rpc.Status}` body every Gemini error carries.
public enum FakeErrorBody {
    public static func status(code: Int, message: String, status: String, details: [FakeErrorDetail]) -> FakeJSON {
        var error: [FakeJSON.Member] = [.init("code", .int(code)), .init("message", .string(message)),
                                        .init("status", .string(status))]
        if !details.isEmpty { error.append(.init("details", .array(details.map(\.json)))) }
        return .object([.init("error", .object(error))])
    }

    /// The canonical `google.rpc.Code` name the service pairs with an HTTP status.
    public static func statusName(forHTTP status: Int) -> String {
        switch status {
        case 400: "INVALID_ARGUMENT"
        case 401: "UNAUTHENTICATED"
        case 403: "PERMISSION_DENIED"
        case 404: "NOT_FOUND"
        case 408, 504: "DEADLINE_EXCEEDED"
        case 409: "ABORTED"
        case 429: "RESOURCE_EXHAUSTED"
        case 499: "CANCELLED"
        case 501: "UNIMPLEMENTED"
        case 503, 502: "UNAVAILABLE"
        default: status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION"
        }
    }
}
