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
