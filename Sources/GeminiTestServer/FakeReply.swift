import Foundation

/// What the fake server answers to one request: a status, headers, and either a whole body or a stream of parts.
///
/// Text in a body or in stream parts may contain `FakeReply.apiKeyPlaceholder`; it is replaced by the
/// `x-goog-api-key` the request carried, so a test can prove a client never prints a key a server quotes back.
public struct FakeReply: Sendable {
    /// Replaced, in any reply text, by the request's `x-goog-api-key` value.
    public static let apiKeyPlaceholder = "{{API_KEY}}"

    public enum Body: Sendable {
        /// Sent whole, with `content-length`.
        case bytes([UInt8])
        /// Sent with chunked transfer encoding, one chunk per part; SSE events framed with `framing`.
        case stream([StreamPart], framing: SSEFraming)
    }

    public var status: Int
    /// Sent as given, after `content-type`; a `content-type` here replaces the default.
    public var headers: [(name: String, value: String)]
    public var body: Body
    /// When set, the reply is computed from the request at the time it arrives.
    var maker: (@Sendable (RecordedRequest) -> FakeReply)?

    public init(status: Int = 200, headers: [(name: String, value: String)] = [], body: Body) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A reply computed from the request when it arrives (e.g. to echo a field back).
    public static func dynamic(_ make: @escaping @Sendable (RecordedRequest) -> FakeReply) -> FakeReply {
        var reply = FakeReply(body: .bytes([]))
        reply.maker = make
        return reply
    }

    /// The reply with the request applied: dynamic replies built, the API key placeholder filled in.
    func resolved(for request: RecordedRequest) -> FakeReply {
        if let maker { return maker(request).resolved(for: request) }
        let key = request.header("x-goog-api-key") ?? ""
        var copy = self
        func fill(_ text: String) -> String { text.replacingAll(FakeReply.apiKeyPlaceholder, with: key) }
        copy.headers = headers.map { ($0.name, fill($0.value)) }
        switch body {
        case .bytes(let bytes):
            copy.body = .bytes(Array(fill(String(decoding: bytes, as: UTF8.self)).utf8))
        case .stream(let parts, let framing):
            copy.body = .stream(parts.map { part in
                switch part {
                case .event(let text): .event(fill(text))
                case .multilineEvent(let lines): .multilineEvent(lines.map(fill))
                case .raw(let text): .raw(fill(text))
                default: part
                }
            }, framing: framing)
        }
        return copy
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }
}
