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

/// One violated quota of a `QuotaFailure`.
public struct QuotaViolation: Sendable, Hashable {
    public var subject: String?
    public var description: String?
    /// e.g. `generativelanguage.googleapis.com/generate_content_free_tier_input_token_count`.
    public var quotaMetric: String?
    /// e.g. `GenerateContentInputTokensPerModelPerMinute-FreeTier`.
    public var quotaId: String?
    /// e.g. `["location": "global", "model": "gemini-2.5-pro"]`.
    public var quotaDimensions: [String: String]
    public var quotaValue: String?

    public init(
        subject: String? = nil, description: String? = nil, quotaMetric: String? = nil, quotaId: String? = nil,
        quotaDimensions: [String: String] = [:], quotaValue: String? = nil
    ) {
        self.subject = subject
        self.description = description
        self.quotaMetric = quotaMetric
        self.quotaId = quotaId
        self.quotaDimensions = quotaDimensions
        self.quotaValue = quotaValue
    }

    init(json: JSONValue) {
        subject = json["subject"]?.stringValue
        description = json["description"]?.stringValue
        quotaMetric = json["quotaMetric"]?.stringValue
        quotaId = json["quotaId"]?.stringValue
        quotaDimensions = Self.strings(json["quotaDimensions"])
        switch json["quotaValue"] {
        case .string(let value)?: quotaValue = value
        case .number(let value)?: quotaValue = String(Int64(value))
        default: quotaValue = nil
        }
    }

    /// The model the quota applies to, from `quotaDimensions["model"]`.
    public var model: String? { quotaDimensions["model"] }

    /// Whether the quota resets daily: waiting a minute will not help.
    public var isPerDay: Bool {
        let haystack = (quotaId ?? "") + " " + (quotaMetric ?? "")
        return haystack.localizedCaseInsensitiveContains("PerDay")
            || haystack.localizedCaseInsensitiveContains("per_day")
    }

    static func strings(_ value: JSONValue?) -> [String: String] {
        guard case .object(let members)? = value else { return [:] }
        return members.compactMapValues(\.stringValue)
    }
}

/// `google.rpc.ErrorInfo`: a machine-readable reason such as `API_KEY_INVALID`.
public struct ErrorInfo: Sendable, Hashable {
    public var reason: String?
    public var domain: String?
    public var metadata: [String: String]

    public init(reason: String? = nil, domain: String? = nil, metadata: [String: String] = [:]) {
        self.reason = reason
        self.domain = domain
        self.metadata = metadata
    }

    init(json: JSONValue) {
        reason = json["reason"]?.stringValue
        domain = json["domain"]?.stringValue
        metadata = QuotaViolation.strings(json["metadata"])
    }
}

/// A `google.rpc.Help` link.
public struct HelpLink: Sendable, Hashable {
    public var description: String?
    public var url: String?

    init(json: JSONValue) {
        description = json["description"]?.stringValue
        url = json["url"]?.stringValue
    }
}

/// A `google.rpc.BadRequest` field violation.
public struct FieldViolation: Sendable, Hashable {
    public var field: String?
    public var description: String?

    init(json: JSONValue) {
        field = json["field"]?.stringValue
        description = json["description"]?.stringValue
    }
}
