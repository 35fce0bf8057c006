import Foundation
import Logging

/// Everything the client needs, as plain values.
///
/// Where the values come from (config file, environment, flags) is the caller's business; this
/// module never reads the API key from anywhere itself.
public struct GeminiConfiguration: Sendable {
    public static let defaultBaseURL = "https://generativelanguage.googleapis.com"

    /// Sent as the `x-goog-api-key` header, never as a `key=` query parameter (URLs end up in logs).
    public var apiKey: String
    /// Scheme, host, port and an optional path prefix, without a trailing slash.
    public var baseURL: String
    public var apiVersion: String
    /// Limit for establishing a TCP/TLS connection.
    public var connectTimeout: Duration
    /// A stream that delivers no byte for this long is abandoned. Generous by default: a thinking model
    /// may stay silent for a minute or more before its first chunk when thoughts are not requested.
    public var streamIdleTimeout: Duration
    /// Limit for one attempt of a unary call or upload chunk, head and body; for a stream, for its
    /// head only (the body is bounded by `streamIdleTimeout` instead, since answers may run long).
    public var requestTimeout: Duration
    public var retryPolicy: RetryPolicy
    /// Sent as `User-Agent`.
    public var userAgent: String
    /// Where the client logs each exchange (debug: method, path, attempt, status, bytes, waits), and where
    /// AsyncHTTPClient logs its own work. Part of the configuration so that whoever resolves the settings
    /// decides, and code that only builds a client needs no change. Silent unless a caller passes one; the
    /// client redacts its key from everything logged through it, whatever the handler.
    public var logger: Logger

    /// A logger that drops everything: the default, so library users and tests see no output they did not ask for.
    public static let silentLogger = Logger(label: "squint.gemini", factory: { _ in SwiftLogNoOpLogHandler() })

    public init(
        apiKey: String, baseURL: String = GeminiConfiguration.defaultBaseURL, apiVersion: String = "v1beta",
        connectTimeout: Duration = .seconds(10), streamIdleTimeout: Duration = .seconds(120),
        requestTimeout: Duration = .seconds(600), retryPolicy: RetryPolicy = .default,
        userAgent: String = "squint GeminiAPI", logger: Logger = GeminiConfiguration.silentLogger
    ) {
        self.apiKey = apiKey
        self.baseURL = baseURL
        self.apiVersion = apiVersion
        self.connectTimeout = connectTimeout
        self.streamIdleTimeout = streamIdleTimeout
        self.requestTimeout = requestTimeout
        self.retryPolicy = retryPolicy
        self.userAgent = userAgent
        self.logger = logger
    }

    /// The base URL without trailing slashes.
    var normalizedBaseURL: String {
        var url = baseURL.trimmingCharacters(in: .whitespaces)
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// Whether the base URL points somewhere other than Google (a proxy, a gateway, the fake server):
    /// then upload URLs handed out by the server are moved to the same origin.
    public var isBaseURLOverridden: Bool {
        normalizedBaseURL != Self.defaultBaseURL
    }
}
