import Foundation

/// One request as the fake server received it, kept so tests can check the exact wire bytes a client sent.
public struct RecordedRequest: Sendable {
    /// The matched route, or nil for a path the fake does not know (it answered 404).
    public var route: FakeRoute?
    /// The model id (`gemini-2.5-flash`), file id (`abc123`) or batch id named in the path, if any.
    public var resource: String?
    public var method: String
    /// The request target as sent: path and query.
    public var uri: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(route: FakeRoute?, resource: String?, method: String, uri: String,
                headers: [(name: String, value: String)], body: [UInt8]) {
        self.route = route
        self.resource = resource
        self.method = method
        self.uri = uri
        self.headers = headers
        self.body = body
    }

    /// The path without the query.
    public var path: String {
        String(uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
    }

    /// The query parameters, percent-decoded; the last value wins for repeated names.
    public var query: [String: String] {
        let parts = uri.split(separator: "?", maxSplits: 1)
        guard parts.count == 2 else { return [:] }
        var result: [String: String] = [:]
        for pair in parts[1].split(separator: "&") {
            let keyValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(keyValue[0]).removingPercentEncodingLeniently
            result[key] = keyValue.count > 1 ? String(keyValue[1]).removingPercentEncodingLeniently : ""
        }
        return result
    }

    /// The first value of a header, compared case-insensitively as HTTP requires.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body as UTF-8 text (invalid bytes replaced).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as a JSON object, or nil.
    public func jsonObject() -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }
}
