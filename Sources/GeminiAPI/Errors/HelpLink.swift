/// A `google.rpc.Help` link.
public struct HelpLink: Sendable, Hashable {
    public var description: String?
    public var url: String?

    init(json: JSONValue) {
        description = json["description"]?.stringValue
        url = json["url"]?.stringValue
    }
}
