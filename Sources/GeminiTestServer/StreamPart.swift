/// One step of a streamed (chunked) reply. Every part that carries bytes is written and flushed as its own HTTP
/// chunk, so a client sees exactly the event boundaries — or the torn ones — a test asks for.
public enum StreamPart: Sendable {
    /// One SSE event `data: <payload>` ended by the reply's framing.
    case event(String)
    /// One SSE event split over several `data:` lines; a client must join them with `\n`.
    case multilineEvent([String])
    /// Text written as-is, without `data:` and without framing (e.g. the bare JSON error the service sends after
    /// HTTP 200, or an event torn across two chunks).
    case raw(String)
    /// Bytes written as-is.
    case bytes([UInt8])
    /// Waits before the next part (a slow chunk); cut short when the client disconnects or the server stops.
    case pause(Duration)
    /// Closes the connection at once, without ending the chunked body: the client sees the stream torn.
    case drop

    /// An event carrying `json` on one line, as the real service writes it.
    public static func event(_ json: FakeJSON) -> StreamPart { .event(json.compact) }

    /// The pretty-printed `{"error": {...}}` the service writes mid-stream after HTTP 200, with no `data:` prefix.
    public static func bareError(code: Int = 500, message: String = "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting",
                                 status: String = "INTERNAL") -> StreamPart {
        .raw(FakeErrorBody.status(code: code, message: message, status: status, details: []).pretty + "\n")
    }
}

/// How SSE events (and the lines inside a multi-line event) are ended. The real service uses `\r\n`.
public enum SSEFraming: Sendable, CaseIterable {
    /// Lines end with `\n`, events with `\n\n`.
    case lf
    /// Lines end with `\r\n`, events with `\r\n\r\n`.
    case crlf
    /// Lines end with `\r`, events with `\r\r`.
    case cr

    public var lineEnd: String {
        switch self {
        case .lf: "\n"
        case .crlf: "\r\n"
        case .cr: "\r"
        }
    }
}
