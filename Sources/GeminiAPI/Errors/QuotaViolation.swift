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
        // Range-checked: `Int64(1e30)` would trap on a server's number.
        case .number(let value)?: quotaValue = Int64(exactly: value.rounded(.towardZero)).map(String.init) ?? String(value)
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
