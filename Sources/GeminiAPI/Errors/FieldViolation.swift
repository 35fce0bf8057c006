/// A `google.rpc.BadRequest` field violation.
public struct FieldViolation: Sendable, Hashable {
    public var field: String?
    public var description: String?

    init(json: JSONValue) {
        field = json["field"]?.stringValue
        description = json["description"]?.stringValue
    }
}
