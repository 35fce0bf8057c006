import GeminiAPI
import GeminiTestServer
import Logging
import Synchronization
import Testing

/// Keeps every log line with its metadata, at trace level.
final class CapturedLog: Sendable {
    private let lines = Mutex<[String]>([])

    var all: [String] { lines.withLock { $0 } }

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    var logger: Logger {
        Logger(label: "test") { _ in Handler(log: self) }
    }

    struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            log.append("\(event.level) \(event.message) \(merged)")
        }
    }
}

@Suite("Logs against the fake server")
struct LoggingIntegrationTests {
    @Test("trace logs of retries, errors and uploads never hold the key")
    func noKeyInLogs() async throws {
        let key = Harness.apiKey
        let server = try await FakeGeminiServer.start(apiKey: key)
        let log = CapturedLog()
        let sleeps = SleepRecorder()
        let client = GeminiClient(
            configuration: GeminiConfiguration(apiKey: key, baseURL: server.baseURL), environment: [:],
            logger: log.logger, sleep: sleeps.sleep)
        server.enqueue([.quotingAPIKey(status: 503), .answer("ok")], for: .generateContent)
        let response = try await client.generateContent(model: "m", request: Harness.question)
        #expect(response.text == "ok")
        _ = try await client.uploadFile(bytes: Array(repeating: 1, count: 100), mimeType: "image/png")
        try await client.shutdown()
        try await server.stop()
        #expect(log.all.count >= 4)
        #expect(log.all.contains { $0.contains("retrying") })
        #expect(log.all.allSatisfy { !$0.contains(key) })
    }
}
