import GeminiAPI
import GeminiTestServer
import Logging
import Synchronization
import Testing

/// Keeps every log line with its metadata, at trace level.
final class CapturedLog: Sendable {
    /// One message as it reached the handler.
    struct Entry: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    private let lines = Mutex<[String]>([])
    private let captured = Mutex<[Entry]>([])

    var all: [String] { lines.withLock { $0 } }
    var entries: [Entry] { captured.withLock { $0 } }

    func append(_ line: String) { lines.withLock { $0.append(line) } }
    func append(_ entry: Entry) { captured.withLock { $0.append(entry) } }

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
            log.append(Entry(level: event.level, message: event.message.description, metadata: merged.mapValues(\.description)))
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

extension LoggingIntegrationTests {
    @Test("each request's method, path, attempt and status are logged at debug, never the key or a query")
    func requestsAreLoggedAtDebug() async throws {
        let key = Harness.apiKey
        let server = try await FakeGeminiServer.start(apiKey: key)
        let log = CapturedLog()
        let client = GeminiClient(
            configuration: GeminiConfiguration(apiKey: key, baseURL: server.baseURL, logger: log.logger),
            environment: [:], sleep: SleepRecorder().sleep)
        do {
            _ = try await client.listModels(pageSize: 5)
            server.enqueue([.quotingAPIKey(status: 503), .answer("ok")], for: .generateContent)
            _ = try await client.generateContent(model: "gemini-2.5-flash", request: Harness.question)
            _ = try await client.uploadFile(bytes: Array(repeating: 7, count: 64), mimeType: "image/png")
        } catch {
            try? await client.shutdown()
            try? await server.stop()
            throw error
        }
        try await client.shutdown()
        try await server.stop()

        let debug = log.entries.filter { $0.level == .debug }
        let requests = debug.filter { $0.message == "request" }
        let responses = debug.filter { $0.message == "response" }
        let models = try #require(requests.first { $0.metadata["path"] == "/v1beta/models" }, "\(log.all)")
        #expect(models.metadata["method"] == "GET")
        #expect(models.metadata["attempt"] == "1")
        #expect(responses.contains { $0.metadata["path"] == "/v1beta/models" && $0.metadata["status"] == "200" })
        #expect(debug.contains { $0.message == "received" && $0.metadata["path"] == "/v1beta/models" && Int($0.metadata["bytes"] ?? "") ?? 0 > 0 })

        // The retried request: logged once per attempt, the failure's status and the wait in between.
        let generate = requests.filter { $0.metadata["path"] == "/v1beta/models/gemini-2.5-flash:generateContent" }
        #expect(generate.map { $0.metadata["attempt"] } == ["1", "2"])
        #expect(generate.allSatisfy { $0.metadata["method"] == "POST" && Int($0.metadata["bytes"] ?? "") ?? 0 > 0 })
        #expect(responses.filter { $0.metadata["path"] == generate.first?.metadata["path"] }.map { $0.metadata["status"] } == ["503", "200"])
        #expect(log.entries.contains { $0.message == "retrying" && $0.metadata["attempt"] == "2" && $0.metadata["wait_ms"] != nil })

        // Upload chunks go to a URL whose query is the upload session: only its path is logged.
        #expect(requests.contains { $0.metadata["path"] == "/upload/v1beta/files" && $0.metadata["bytes"] == "64" })
        let headerLines = log.entries.filter { $0.message == "request headers" }
        #expect(!headerLines.isEmpty)
        #expect(headerLines.allSatisfy { $0.metadata["header.x-goog-api-key"] == KeyRedactor.placeholder }, "\(headerLines)")
        let leaks = log.all.filter { $0.contains(key) || $0.contains("upload_id=upload") }
        #expect(leaks.isEmpty, "\(leaks)")
        // AsyncHTTPClient's own lines arrive, the request's and the pool's (its debug ones), but not its trace
        // dumps of body bytes.
        #expect(log.all.contains { $0.contains("Request was scheduled on connection") && $0.contains("ahc-connection-id") })
        #expect(log.all.contains { $0.contains("Shutting down connection pool") })
        #expect(!log.all.contains { $0.contains("HTTP response part received") })
        #expect(debug.allSatisfy { !$0.metadata.values.contains { $0.contains("pageSize") || $0.contains("upload_id") } })
    }
}
