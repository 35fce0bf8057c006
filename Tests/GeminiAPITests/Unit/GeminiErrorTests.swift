import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing

@testable import GeminiAPI

@Suite("Errors and their one-line messages")
struct GeminiErrorTests {
    static let key = "AIzaSyTESTKEY-0123456789abcdefghijklmnop"

    /// The error the transport builds for a non-2xx answer.
    static func httpError(_ status: Int, _ body: String, headers: HTTPHeaders = [:]) -> GeminiError {
        let transport = Transport(
            http: .shared, configuration: GeminiConfiguration(apiKey: key), redactor: KeyRedactor(apiKey: key),
            logger: .init(label: "test"))
        return transport.httpError(status: status, headers: headers, body: ByteBuffer(string: body))
    }

    @Test("a per-minute quota: status, details, one actionable line")
    func quota() throws {
        let error = Self.httpError(429, Fixtures.quota429)
        #expect(error.httpStatus == 429)
        #expect(error.rpcStatus?.status == "RESOURCE_EXHAUSTED")
        #expect(error.retryDelay == .seconds(40))
        #expect(error.isRetryable)
        #expect(error.category == .rateLimited)
        #expect(!error.isDailyQuota)
        let violation = try #require(error.rpcStatus?.quotaViolations.first)
        #expect(violation.model == "gemini-2.5-pro")
        #expect(violation.quotaId == "GenerateContentInputTokensPerModelPerMinute-FreeTier")
        #expect(violation.quotaValue == "250000")
        #expect(error.rpcStatus?.helpLinks.first?.url == "https://ai.google.dev/gemini-api/docs/rate-limits")
        #expect(error.description == "quota exceeded for gemini-2.5-pro input tokens per minute; retry in 40 s")
    }

    @Test("a daily quota is recognised and not worth retrying")
    func dailyQuota() {
        let error = Self.httpError(429, Fixtures.dailyQuota429)
        #expect(error.isDailyQuota)
        #expect(error.rpcStatus?.quotaViolations.first?.quotaValue == "50")
        #expect(error.description.hasPrefix("quota exceeded for gemini-2.5-pro requests per day"))
    }

    @Test("an invalid key says which variable to check")
    func invalidKey() {
        let error = Self.httpError(400, Fixtures.invalidKey400)
        #expect(error.rpcStatus?.errorInfo?.reason == "API_KEY_INVALID")
        #expect(error.rpcStatus?.errorInfo?.metadata["service"] == "generativelanguage.googleapis.com")
        #expect(error.rpcStatus?.localizedMessage == "API key not valid. Please pass a valid API key.")
        #expect(!error.isRetryable)
        #expect(error.category == .refused)
        #expect(error.description == "API key not valid (400 INVALID_ARGUMENT); check GOOGLE_API_KEY, GEMINI_API_KEY or api_key_file")
    }

    @Test("the ' @type' key with a leading space and BadRequest field violations")
    func badRequest() {
        let error = Self.httpError(400, Fixtures.badRequest)
        #expect(error.rpcStatus?.fieldViolations.first?.field == "generation_config.temperature")
        #expect(
            error.description
                == "Invalid JSON payload received (400 INVALID_ARGUMENT); field generation_config.temperature: must be between 0 and 2")
    }

    @Test("503 and 404 read as one line each")
    func otherStatuses() {
        let overloaded = Self.httpError(503, Fixtures.overloaded503, headers: ["Retry-After": "7"])
        #expect(overloaded.isRetryable && overloaded.category == .unavailable)
        #expect(overloaded.retryDelay == .seconds(7))
        #expect(overloaded.description == "The model is overloaded. Please try again later (503 UNAVAILABLE); retry in 7 s")
        let missing = Self.httpError(404, Fixtures.notFound404)
        #expect(!missing.isRetryable && missing.category == .refused)
        #expect(missing.description.hasSuffix("(404 NOT_FOUND); check the model or file name"))
        #expect(!missing.description.contains("\n"))
    }

    @Test("a plain-text body from the upload backend")
    func plainText() {
        let error = Self.httpError(400, "Failed to process the upload.\nMore lines here.")
        #expect(error.rpcStatus == nil)
        #expect(error.description == "HTTP 400 Bad Request: Failed to process the upload.")
        let html = Self.httpError(502, "<html><body><h1>502 Bad Gateway</h1></body></html>")
        #expect(html.isRetryable)
        #expect(!html.description.contains("<"))
    }

    @Test("a body quoting the key back never shows it")
    func keyNotQuoted() {
        let body = """
            {"error": {"code": 400, "message": "Bad key \(Self.key) in https://host/v1beta/models?key=\(Self.key)&x=1", "status": "INVALID_ARGUMENT",
              "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "OTHER", "metadata": {"key": "\(Self.key)"}}]}}
            """
        let error = Self.httpError(400, body)
        #expect(!error.description.contains(Self.key))
        #expect(!String(reflecting: error).contains(Self.key))
        #expect(!"\(error.rpcStatus!)".contains(Self.key))
        let proxy = Self.httpError(407, "Proxy refused request GET /v1beta/models?key=\(Self.key) x-goog-api-key: \(Self.key)")
        #expect(!proxy.description.contains(Self.key))
        #expect(proxy.description.contains("[REDACTED]"))
    }

    @Test("mid-stream errors carry the partial length and are never retryable")
    func midStream() {
        let error = GeminiError(.streamError(RPCStatus(code: 503, message: "overloaded", status: "UNAVAILABLE")))
        #expect(error.isRetryable)
        let interrupted = error.interruptingAnswer(after: 120)
        #expect(!interrupted.isRetryable)
        #expect(interrupted.partialTextLength == 120)
        #expect(interrupted.category == .unavailable)
        #expect(interrupted.description.hasPrefix("the answer stopped after 120 characters: the server failed mid-stream: overloaded (503 UNAVAILABLE)"))
    }

    @Test("categories for exit codes", arguments: [
        (400, GeminiError.Category.refused), (401, .refused), (403, .refused), (404, .refused), (408, .unavailable),
        (429, .rateLimited), (500, .unavailable), (502, .unavailable), (503, .unavailable), (504, .unavailable),
    ])
    func categories(status: Int, category: GeminiError.Category) {
        let error = GeminiError(.http(status: status, rpc: nil, body: nil))
        #expect(error.category == category)
        #expect(error.isRetryable == [408, 429, 500, 502, 503, 504].contains(status))
    }

    @Test("local failures")
    func localFailures() {
        #expect(GeminiError.cancelled.category == .cancelled && GeminiError.cancelled.description == "cancelled")
        let blocked = GeminiError.blocked(reason: "SAFETY", message: "bad\u{1b}[31m stuff")
        #expect(blocked.category == .blocked && blocked.blockReason == "SAFETY")
        #expect(!blocked.description.contains("\u{1b}"))
        #expect(GeminiError(.idleTimeout(.seconds(30))).description.contains("30 s"))
        #expect(GeminiError(.idleTimeout(.seconds(30))).isRetryable)
        #expect(GeminiError(.connectTimeout(host: "example.com")).category == .unavailable)
    }

    @Test("socket errors read as plain sentences")
    func socketErrors() {
        let redactor = KeyRedactor(apiKey: Self.key)
        #expect(
            Transport.describeSocketError(
                "connection reset (error set): Connection refused) (errno: 111)", host: "h", redactor: redactor)
                == "h refused the connection")
        #expect(Transport.describeSocketError("read(descriptor:pointer:size:): Connection reset by peer (errno: 104)", host: "h", redactor: redactor) == "the connection to h was reset")
        #expect(Transport.describeSocketError("odd \(Self.key)\nthing", host: "h", redactor: redactor) == "odd [REDACTED] thing")
    }

    @Test("AsyncHTTPClient errors map to clear kinds")
    func mapping() {
        let transport = Transport(
            http: .shared, configuration: GeminiConfiguration(apiKey: Self.key), redactor: KeyRedactor(apiKey: Self.key),
            logger: .init(label: "test"))
        #expect(transport.mapError(HTTPClientError.connectTimeout, host: "h").description.contains("could not connect to h"))
        #expect(transport.mapError(HTTPClientError.remoteConnectionClosed, host: "h").isRetryable)
        #expect(transport.mapError(CancellationError(), host: "h").category == .cancelled)
        #expect(transport.mapError(HTTPClientError.deadlineExceeded, host: "h").category == .unavailable)
    }
}

