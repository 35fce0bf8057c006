import Foundation
import GeminiAPI
import Logging

/// The swift-log handler behind `--verbose`, `--log-file` and `SQUINT_LOG`: one `LogLine` per message, made
/// by `SquintLogging` (which owns the sink every handler shares).
///
/// Every line passes through `KeyRedactor` on its way to the sink — the whole line, label and metadata
/// included — so the API key cannot reach a log the user attaches to a bug report, not even inside
/// AsyncHTTPClient's metadata or a server's error text. Without a key the redactor still removes
/// `key=` query values and anything shaped like a Google API key.
public struct SquintLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let sink: LogSink
    private let redactor: KeyRedactor

    init(
        label: String, sink: LogSink, level: Logger.Level, redactor: KeyRedactor = KeyRedactor(apiKey: ""),
        metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.label = label
        self.sink = sink
        self.logLevel = level
        self.redactor = redactor
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadataProvider?.get() ?? [:]
        merged.merge(metadata) { $1 }
        merged.merge(event.metadata ?? [:]) { $1 }
        if let error = event.error, merged["error"] == nil { merged["error"] = "\(error)" }
        let line = LogLine.format(
            timestamp: LogLine.timestamp(Date()), level: event.level, label: label,
            message: event.message.description, metadata: merged)
        sink.write(redactor.redact(line))
    }
}
