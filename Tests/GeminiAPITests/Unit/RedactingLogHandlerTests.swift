import Logging
import Testing

@testable import GeminiAPI

/// The wrapper every `GeminiClient` puts around its logger's handler.
@Suite struct RedactingLogHandlerTests {
    static let key = "test-key-Zq81mVv03Lp"

    @Test("message, metadata, handler metadata and an attached error lose the key")
    func redactsEverythingLogged() throws {
        let log = CapturedLog()
        var logger = RedactingLogHandler.wrapping(log.logger, redactor: KeyRedactor(apiKey: Self.key))
        logger[metadataKey: "ahc-request"] = "sent with \(Self.key)"
        logger.logLevel = .debug
        logger.debug(
            "answer quoted \(Self.key)",
            metadata: ["body": "x-goog-api-key: \(Self.key)", "nested": ["list": ["\(Self.key)"]]])
        logger.trace("below the level, never built \(Self.key)")
        #expect(log.entries.count == 1)
        let entry = try #require(log.entries.first)
        #expect(entry.message == "answer quoted \(KeyRedactor.placeholder)")
        #expect(entry.metadata["body"] == "x-goog-api-key: \(KeyRedactor.placeholder)")
        #expect(entry.metadata["ahc-request"] == "sent with \(KeyRedactor.placeholder)")
        #expect(log.all.allSatisfy { !$0.contains(Self.key) }, "\(log.all)")
    }

    @Test func levelAndLabelPassThrough() {
        let log = CapturedLog()
        var logger = RedactingLogHandler.wrapping(log.logger, redactor: KeyRedactor(apiKey: Self.key))
        #expect(logger.label == "test")
        #expect(logger.logLevel == .trace)
        logger.logLevel = .error
        logger.warning("dropped")
        logger.error("kept")
        #expect(log.entries.map(\.message) == ["kept"])
    }

    @Test("upload session ids are removed from quoted URLs")
    func redactsUploadIDs() {
        let redact = RedactingLogHandler.redactingUploadIDs(in:)
        #expect(redact("x-goog-upload-url: https://h/upload/v1beta/files?upload_id=AB-12_x&upload_protocol=resumable;")
            == "x-goog-upload-url: https://h/upload/v1beta/files?upload_id=[REDACTED]&upload_protocol=resumable;")
        #expect(redact("a upload_id=1 b upload_id=2") == "a upload_id=[REDACTED] b upload_id=[REDACTED]")
        #expect(redact("upload_id=") == "upload_id=")
        #expect(redact("nothing here") == "nothing here")
    }
}
