import Logging

/// Wraps the handler of the logger a `GeminiClient` was given, so that nothing the client logs — nor what
/// AsyncHTTPClient logs through the same logger — can carry the client's API key or an upload session id,
/// whichever handler the caller chose.
///
/// The key travels as a header; AsyncHTTPClient logs whole response heads at trace (an upload's
/// `x-goog-upload-url`, whose `upload_id` lets anyone holding it write to that upload), and error
/// descriptions and server text end up in metadata. Redacting here costs nothing unless a line is actually
/// written, since `Logger` checks the level before it builds a message.
struct RedactingLogHandler: LogHandler {
    private var upstream: any LogHandler
    private let redactor: KeyRedactor

    init(wrapping upstream: any LogHandler, redactor: KeyRedactor) {
        self.upstream = upstream
        self.redactor = redactor
    }

    /// `logger` with its handler wrapped; label and level unchanged.
    static func wrapping(_ logger: Logger, redactor: KeyRedactor) -> Logger {
        let handler = RedactingLogHandler(wrapping: logger.handler, redactor: redactor)
        return Logger(label: logger.label) { _ in handler }
    }

    var logLevel: Logger.Level {
        get { upstream.logLevel }
        set { upstream.logLevel = newValue }
    }

    /// Values are redacted when they are set (AsyncHTTPClient attaches its request id this way), so the
    /// handler's own metadata is clean by the time the upstream handler merges it into a line.
    var metadata: Logger.Metadata {
        get { upstream.metadata }
        set { upstream.metadata = newValue.mapValues(redact) }
    }

    var metadataProvider: Logger.MetadataProvider? {
        get { upstream.metadataProvider }
        set { upstream.metadataProvider = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { upstream[metadataKey: key] }
        set { upstream[metadataKey: key] = newValue.map(redact) }
    }

    func log(event: LogEvent) {
        var event = event
        event.message = "\(redact(event.message.description))"
        var metadata = event.metadata?.mapValues(redact)
        // An attached error is printed by whatever handler is upstream, out of reach: pass its redacted text.
        if let error = event.error {
            event.error = nil
            metadata = (metadata ?? [:]).merging(["error": .string(redact(String(describing: error)))]) { old, _ in old }
        }
        event.metadata = metadata
        upstream.log(event: event)
    }

    private func redact(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let text): .string(redact(text))
        case .stringConvertible(let item): .string(redact(item.description))
        case .array(let items): .array(items.map(redact))
        case .dictionary(let members): .dictionary(members.mapValues(redact))
        }
    }

    private func redact(_ text: String) -> String {
        Self.redactingUploadIDs(in: redactor.redact(text))
    }

    /// `upload_id=VALUE` with the value replaced by `[REDACTED]`, wherever a URL carrying one is quoted.
    static func redactingUploadIDs(in text: String) -> String {
        guard text.contains("upload_id=") else { return text }
        var output = ""
        var rest = Substring(text)
        while let found = rest.range(of: "upload_id=") {
            output += rest[..<found.upperBound]
            rest = rest[found.upperBound...]
            let end = rest.firstIndex { "&#\"'<>,;) ".contains($0) || $0.isWhitespace } ?? rest.endIndex
            if end > rest.startIndex { output += KeyRedactor.placeholder }
            rest = rest[end...]
        }
        return output + rest
    }
}
