/// One typed entry of `google.rpc.Status.details`.
public enum ErrorDetail: Sendable, Hashable {
    /// `google.rpc.RetryInfo`; `nil` when the delay did not parse.
    case retryInfo(Duration?)
    /// `google.rpc.QuotaFailure`.
    case quotaFailure([QuotaViolation])
    /// `google.rpc.ErrorInfo`.
    case errorInfo(ErrorInfo)
    /// `google.rpc.Help`.
    case help([HelpLink])
    /// `google.rpc.BadRequest`.
    case badRequest([FieldViolation])
    /// `google.rpc.LocalizedMessage`.
    case localizedMessage(String)
    /// Any other type, kept raw.
    case other(type: String?, JSONValue)

    /// Parses a detail object by its `@type`.
    ///
    /// Some backends write the key as `" @type"` with a leading space; both spellings are accepted.
    init(json: JSONValue) {
        let type = (json["@type"] ?? json[" @type"])?.stringValue
        let shortType = type.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        switch shortType {
        case "google.rpc.RetryInfo":
            self = .retryInfo(json["retryDelay"].flatMap(ProtobufDuration.parse))
        case "google.rpc.QuotaFailure":
            self = .quotaFailure(Self.objects(json["violations"]).map(QuotaViolation.init(json:)))
        case "google.rpc.ErrorInfo":
            self = .errorInfo(ErrorInfo(json: json))
        case "google.rpc.Help":
            self = .help(Self.objects(json["links"]).map(HelpLink.init(json:)))
        case "google.rpc.BadRequest":
            self = .badRequest(Self.objects(json["fieldViolations"]).map(FieldViolation.init(json:)))
        case "google.rpc.LocalizedMessage":
            self = .localizedMessage(json["message"]?.stringValue ?? "")
        default:
            self = .other(type: type, json)
        }
    }

    private static func objects(_ value: JSONValue?) -> [JSONValue] {
        if case .array(let items)? = value { return items }
        return []
    }
}
