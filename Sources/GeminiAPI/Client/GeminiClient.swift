import AsyncHTTPClient
import Foundation
import Logging
import NIOCore

/// The Gemini v1beta REST client.
///
/// Owns one `HTTPClient` (its connection pool, proxy and connect timeout), so call `shutdown()` when
/// done — or use `withClient`, which does. Every call retries per `configuration.retryPolicy` and
/// throws only `GeminiError`. It knows nothing of images beyond bytes and a MIME type.
public struct GeminiClient: Sendable {
    public let configuration: GeminiConfiguration
    /// The proxy chosen from the environment for the base URL, `nil` for a direct connection.
    public let proxy: ProxySettings?
    let transport: Transport
    let sleep: @Sendable (Duration) async throws -> Void
    let random: @Sendable () -> Double

    /// - Parameters:
    ///   - environment: where `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` are read from.
    ///   - logger: replaces `configuration.logger` when given.
    ///   - sleep: how retry backoff and file polling wait; tests pass one that returns at once.
    public init(
        configuration: GeminiConfiguration,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger? = nil,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.configuration = configuration
        let proxy = ProxySettings.fromEnvironment(environment, targetURL: configuration.normalizedBaseURL)
        self.proxy = proxy
        var httpConfiguration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: TimeAmount(configuration.connectTimeout)),
            proxy: proxy?.httpClientProxy
        )
        // Fail fast on a refused connection; the retry policy (with its backoff) decides what next.
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        let redactor = KeyRedactor(apiKey: configuration.apiKey)
        let logger = RedactingLogHandler.wrapping(logger ?? configuration.logger, redactor: redactor)
        // AsyncHTTPClient logs into the same log, but never below debug: its trace lines dump the first bytes
        // of every response body part, and an answer may carry an image (a segmentation mask).
        var httpLogger = logger
        httpLogger.logLevel = max(logger.logLevel, .debug)
        // The pool's own activity (connections opened, closed, failed) goes there too, not only each request's.
        let http = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: httpConfiguration,
            backgroundActivityLogger: httpLogger)
        transport = Transport(
            http: http, configuration: configuration, redactor: redactor, logger: logger, httpLogger: httpLogger)
        self.sleep = sleep
        self.random = random
    }

    /// Closes every connection. The client must not be used afterwards.
    public func shutdown() async throws {
        try await transport.http.shutdown()
    }

    /// Runs `body` with a new client and shuts it down afterwards, whatever happens.
    public static func withClient<Result: Sendable>(
        configuration: GeminiConfiguration,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger? = nil,
        _ body: (GeminiClient) async throws -> Result
    ) async throws -> Result {
        let client = GeminiClient(configuration: configuration, environment: environment, logger: logger)
        let result: Result
        do {
            result = try await body(client)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        return result
    }

    /// Removes the API key from `text`: for callers that log or print things the server sent.
    public func redact(_ text: String) -> String {
        transport.redactor.redact(text)
    }

    // MARK: - Generation

    /// `models/{model}:generateContent`: the whole answer at once.
    ///
    /// A blocked prompt is not an error here: the response has no candidates and `blockReason` set.
    /// - Parameter onRetry: told about each failed attempt that will be retried (attempt number, the wait,
    ///   the failure), so a caller can say why nothing is happening — the stream's `.retrying` event.
    public func generateContent(
        model: String, request: GenerateContentRequest,
        onRetry: (@Sendable (_ attempt: Int, _ delay: Duration, _ error: GeminiError) -> Void)? = nil
    ) async throws(GeminiError) -> GenerateContentResponse {
        let body = try Self.encode(request)
        let url = transport.apiURL(Self.modelPath(model) + ":generateContent")
        return try await retrying(onRetry: onRetry) { () async throws(GeminiError) in
            let (_, bytes) = try await transport.send(
                transport.makeRequest(.POST, url: url, body: body), bodyBytes: body.readableBytes)
            // A gateway may wrap a failure in a 200; it must not read as an empty answer.
            if let status = StreamChunkDecoder.errorStatus(in: String(buffer: bytes)) {
                throw GeminiError(.streamError(transport.redactor.redact(status)))
            }
            return try Self.decode(GenerateContentResponse.self, from: bytes)
        }
    }

    /// `models/{model}:countTokens` for the whole request (system instruction and config included).
    public func countTokens(model: String, request: GenerateContentRequest) async throws(GeminiError)
        -> CountTokensResponse
    {
        let path = Self.modelPath(model)
        let body = try Self.encode(CountTokensRequest(model: path, request: request))
        let url = transport.apiURL(path + ":countTokens")
        return try await retrying { () async throws(GeminiError) in
            let (_, bytes) = try await transport.send(
                transport.makeRequest(.POST, url: url, body: body), bodyBytes: body.readableBytes)
            return try Self.decode(CountTokensResponse.self, from: bytes)
        }
    }

    // MARK: - Models

    /// One page of `models`.
    public func listModels(pageSize: Int? = nil, pageToken: String? = nil) async throws(GeminiError)
        -> ListModelsResponse
    {
        var query: [(String, String)] = []
        if let pageSize { query.append(("pageSize", String(pageSize))) }
        if let pageToken, !pageToken.isEmpty { query.append(("pageToken", pageToken)) }
        let url = transport.apiURL("models", query: query)
        return try await retrying { () async throws(GeminiError) in
            let (_, bytes) = try await transport.send(transport.makeRequest(.GET, url: url))
            return try Self.decode(ListModelsResponse.self, from: bytes)
        }
    }

    /// Every model, following `nextPageToken` (at most 100 pages, in case a server repeats a token).
    public func allModels() async throws(GeminiError) -> [Model] {
        var models: [Model] = []
        var token: String?
        for _ in 0..<100 {
            let page = try await listModels(pageSize: 1000, pageToken: token)
            models += page.models
            guard let next = page.nextPageToken, !next.isEmpty, next != token else { break }
            token = next
        }
        return models
    }

    /// `models/{model}`.
    public func getModel(_ model: String) async throws(GeminiError) -> Model {
        let url = transport.apiURL(Self.modelPath(model))
        return try await retrying { () async throws(GeminiError) in
            let (_, bytes) = try await transport.send(transport.makeRequest(.GET, url: url))
            return try Self.decode(Model.self, from: bytes)
        }
    }
}
