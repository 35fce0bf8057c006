import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// One HTTP exchange at a time, with errors already turned into `GeminiError`s.
///
/// Thin on purpose: it adds the key header, sends, reads a bounded body, and maps failures. Retries,
/// streaming and the upload protocol live above it.
struct Transport: Sendable {
    let http: HTTPClient
    let configuration: GeminiConfiguration
    let redactor: KeyRedactor
    let logger: Logger
    /// `logger` for AsyncHTTPClient: the same log, at debug at most detailed (see `GeminiClient.init`).
    let httpLogger: Logger

    init(
        http: HTTPClient, configuration: GeminiConfiguration, redactor: KeyRedactor, logger: Logger,
        httpLogger: Logger? = nil
    ) {
        self.http = http
        self.configuration = configuration
        self.redactor = redactor
        self.logger = logger
        self.httpLogger = httpLogger ?? logger
    }

    /// Largest non-streamed body accepted (a generateContent answer with inline images can be large).
    static let maxBodySize = 256 << 20
    /// Largest error body read: enough for any `google.rpc.Status`.
    static let maxErrorBodySize = 1 << 20

    /// `{base}/{version}/{path}?{query}`.
    func apiURL(_ path: String, query: [(String, String)] = []) -> String {
        configuration.normalizedBaseURL + "/" + configuration.apiVersion + "/" + path + Self.queryString(query)
    }

    /// `{base}/upload/{version}/{path}`.
    func uploadURL(_ path: String) -> String {
        configuration.normalizedBaseURL + "/upload/" + configuration.apiVersion + "/" + path
    }

    /// `{base}/download/{version}/{path}?{query}`: where media downloads live, beside `upload/`.
    func downloadURL(_ path: String, query: [(String, String)] = []) -> String {
        configuration.normalizedBaseURL + "/download/" + configuration.apiVersion + "/" + path + Self.queryString(query)
    }

    static func queryString(_ query: [(String, String)]) -> String {
        guard !query.isEmpty else { return "" }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return "?" + query.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
        }.joined(separator: "&")
    }

    /// A request with the key header and the usual headers set.
    func makeRequest(_ method: HTTPMethod, url: String, body: ByteBuffer? = nil, headers: HTTPHeaders = [:])
        -> HTTPClientRequest
    {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "x-goog-api-key", value: configuration.apiKey)
        request.headers.add(name: "User-Agent", value: configuration.userAgent)
        if let body {
            if !headers.contains(name: "Content-Type") {
                request.headers.add(name: "Content-Type", value: "application/json")
            }
            request.body = .bytes(body)
        }
        request.headers.add(contentsOf: headers)
        return request
    }

    /// Sends `request` and returns the head once it arrived; non-2xx answers become errors.
    ///
    /// Logs the exchange at debug (method, path, attempt, bytes sent, status, time to the head) and the
    /// headers at trace; never a body, which may be an image. AsyncHTTPClient logs there too.
    /// - Parameter bodyBytes: the size of the body, for the log (a request body cannot tell its size).
    func open(_ request: HTTPClientRequest, bodyBytes: Int = 0) async throws(GeminiError) -> HTTPClientResponse {
        let host = URLOrigin(url: request.url)?.host ?? "the server"
        let path: Logger.MetadataValue = .string(Self.loggedPath(request.url))
        logger.debug("request", metadata: [
            "method": "\(request.method.rawValue)", "path": path, "attempt": "\(Self.attempt)", "bytes": "\(bodyBytes)",
        ])
        logger.trace("request headers", metadata: Self.loggedHeaders(request.headers).merging(["path": path]) { $1 })
        let started = ContinuousClock.now
        let response: HTTPClientResponse
        do {
            response = try await http.execute(
                request, deadline: .now() + .init(configuration.requestTimeout), logger: httpLogger)
        } catch {
            let failure = mapError(error, host: host)
            logger.debug("request failed", metadata: ["path": path, "error": "\(failure)"])
            throw failure
        }
        let elapsed = Self.milliseconds(ContinuousClock.now - started)
        logger.debug("response", metadata: ["path": path, "status": "\(response.status.code)", "ms": "\(elapsed)"])
        logger.trace("response headers", metadata: Self.loggedHeaders(response.headers).merging(["path": path]) { $1 })
        guard (200..<300).contains(response.status.code) else {
            let body = (try? await collect(response.body, limit: Self.maxErrorBodySize)) ?? ByteBuffer()
            let failure = httpError(status: Int(response.status.code), headers: response.headers, body: body)
            logger.debug("request failed", metadata: ["path": path, "bytes": "\(body.readableBytes)", "error": "\(failure)"])
            throw failure
        }
        return response
    }

    /// Sends `request` and reads the whole body.
    func send(_ request: HTTPClientRequest, bodyBytes: Int = 0, limit: Int = Transport.maxBodySize)
        async throws(GeminiError) -> (headers: HTTPHeaders, body: ByteBuffer)
    {
        let response = try await open(request, bodyBytes: bodyBytes)
        let path: Logger.MetadataValue = .string(Self.loggedPath(request.url))
        do {
            let body = try await collect(response.body, limit: limit)
            logger.debug("received", metadata: ["path": path, "bytes": "\(body.readableBytes)"])
            return (response.headers, body)
        } catch {
            let failure = (error as? GeminiError) ?? mapError(error, host: URLOrigin(url: request.url)?.host ?? "the server")
            logger.debug("body failed", metadata: ["path": path, "error": "\(failure)"])
            throw failure
        }
    }

    /// Reads a whole body, bounded in size and by the request timeout.
    func collect(_ body: HTTPClientResponse.Body, limit: Int) async throws -> ByteBuffer {
        let timeout = configuration.requestTimeout
        return try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask {
                var buffer = ByteBuffer()
                for try await var chunk in body {
                    guard buffer.readableBytes + chunk.readableBytes <= limit else {
                        throw GeminiError(.invalidResponse("the answer is larger than \(limit >> 20) MiB"))
                    }
                    buffer.writeBuffer(&chunk)
                }
                return buffer
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw GeminiError(.requestTimeout)
            }
            defer { group.cancelAll() }
            return try await group.next()!!
        }
    }

    /// The error for a non-2xx answer: the `google.rpc.Status` when the body is one, its first line otherwise.
    func httpError(status: Int, headers: HTTPHeaders, body: ByteBuffer) -> GeminiError {
        let text = String(buffer: body)
        let retryAfter = headers.first(name: "Retry-After").flatMap { RetryAfter.parse($0) }
        if let rpc = StreamChunkDecoder.errorStatus(in: text) {
            return GeminiError(.http(status: status, rpc: redactor.redact(rpc), body: nil), retryAfter: retryAfter)
        }
        let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let cleaned = oneLine(redactor.redact(Self.strippingTags(firstLine)), limit: 200)
        return GeminiError(.http(status: status, rpc: nil, body: cleaned.isEmpty ? nil : cleaned), retryAfter: retryAfter)
    }

    /// HTML error pages from proxies: keep the words, drop the markup.
    static func strippingTags(_ text: String) -> String {
        guard text.contains("<") else { return text }
        var output = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true; output.append(" "); continue }
            if character == ">" { inTag = false; continue }
            if !inTag { output.append(character) }
        }
        return output
    }

    /// Maps AsyncHTTPClient and NIO failures to `GeminiError`.
    func mapError(_ error: any Error, host: String) -> GeminiError {
        if let error = error as? GeminiError { return error }
        if error is CancellationError || Task.isCancelled { return .cancelled }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .getConnectionFromPoolTimeout, .socksHandshakeTimeout, .httpProxyHandshakeTimeout,
                .tlsHandshakeTimeout:
                return GeminiError(.connectTimeout(host: host))
            case .deadlineExceeded:
                return GeminiError(.requestTimeout)
            case .readTimeout:
                return GeminiError(.idleTimeout(configuration.streamIdleTimeout))
            case .cancelled:
                return .cancelled
            case .remoteConnectionClosed:
                return GeminiError(.transport("the server closed the connection"))
            case .invalidProxyResponse, .proxyAuthenticationRequired:
                return GeminiError(.transport("the proxy refused the connection (\(error.shortDescription))"))
            case .invalidURL, .emptyHost, .emptyScheme:
                return GeminiError(.invalidConfiguration("the base URL is not a valid URL"))
            default:
                if error.shortDescription.hasPrefix("Unsupported scheme") {
                    return GeminiError(.invalidConfiguration("the base URL must start with http:// or https://"))
                }
                return GeminiError(.transport(oneLine(redactor.redact(error.shortDescription), limit: 200)))
            }
        }
        return GeminiError(.transport(Self.describeSocketError(String(describing: error), host: host, redactor: redactor)))
    }

    /// NIO's socket errors read like `connection reset (error set): Connection refused) (errno: 111)`;
    /// the common ones get a plain sentence, the rest one cleaned line.
    static func describeSocketError(_ text: String, host: String, redactor: KeyRedactor) -> String {
        let lower = text.lowercased()
        if lower.contains("connection refused") || lower.contains("errno: 111") { return "\(host) refused the connection" }
        if lower.contains("connection reset") && !lower.contains("error set") || lower.contains("errno: 104") {
            return "the connection to \(host) was reset"
        }
        if lower.contains("network is unreachable") { return "the network is unreachable" }
        if lower.contains("no route to host") { return "no route to \(host)" }
        if lower.contains("dns") || lower.contains("getaddrinfo") || lower.contains("resolve") {
            return "could not resolve \(host)"
        }
        return oneLine(redactor.redact(text), limit: 200)
    }
}
