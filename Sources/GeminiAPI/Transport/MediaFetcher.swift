import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Fetches an image named by URL (`squint ask https://…/photo.jpg`): redirects followed (at most 5, no
/// cycles), the proxy variables honoured as for the API, the body refused past `limit` bytes while it
/// arrives (never buffered whole first), and every failure one line naming the URL.
public enum MediaFetcher {
    public struct Download: Sendable, Equatable {
        public var bytes: [UInt8]
        /// Where it came from after redirects.
        public var finalURL: String
        public var contentType: String?
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var url: String
        public var reason: String
        public var description: String { "\(url): \(reason)" }

        public init(url: String, reason: String) {
            self.url = url
            self.reason = reason
        }
    }

    /// The first bytes of an image named by URL and what the server says of the whole, for an image Gemini
    /// fetches itself (`--url-mode pass`): asked for with a Range header, and read no further than `prefix`
    /// bytes even from a server that ignores the range.
    public struct Probe: Sendable, Equatable {
        public var bytes: [UInt8]
        /// The whole file's size, from `Content-Range` (a 206) or `Content-Length` (a 200); nil when unsaid.
        public var totalSize: Int64?
        public var finalURL: String
        public var contentType: String?
    }

    public static func fetch(_ url: String, limit: Int, timeout: Duration = .seconds(60),
                             environment: [String: String] = ProcessInfo.processInfo.environment) async throws(Failure) -> Download {
        try await withClient(url, limit: limit, environment: environment) { client throws(Failure) in
            try await fetch(url, client: client, limit: limit, timeout: timeout)
        }
    }

    /// The first `prefix` bytes of `url` (redirects followed, proxies honoured as for `fetch`).
    public static func probe(_ url: String, prefix: Int, timeout: Duration = .seconds(30),
                             environment: [String: String] = ProcessInfo.processInfo.environment) async throws(Failure) -> Probe {
        try await withClient(url, limit: prefix * 8, environment: environment) { client throws(Failure) in
            try await probe(url, client: client, prefix: prefix, timeout: timeout)
        }
    }

    /// A client for one fetch (bodies decompressed up to `limit` bytes), shut down after it whatever happens.
    private static func withClient<T: Sendable>(_ url: String, limit: Int, environment: [String: String],
                                                _ body: (HTTPClient) async throws(Failure) -> T) async throws(Failure) -> T {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme), parsed.host != nil else {
            throw Failure(url: url, reason: "not an http or https URL")
        }
        var configuration = HTTPClient.Configuration(redirectConfiguration: .follow(max: 5, allowCycles: false),
                                                     timeout: .init(connect: .seconds(15)),
                                                     proxy: ProxySettings.fromEnvironment(environment, targetURL: url)?.httpClientProxy)
        configuration.decompression = .enabled(limit: .size(limit))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let result: Result<T, Failure>
        do { result = .success(try await body(client)) } catch { result = .failure(error) }
        try? await client.shutdown()
        return try result.get()
    }

    private static func request(_ url: String) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "user-agent", value: "squint")
        request.headers.add(name: "accept", value: "image/*")
        return request
    }

    private static func fetch(_ url: String, client: HTTPClient, limit: Int, timeout: Duration) async throws(Failure) -> Download {
        do {
            let response = try await client.execute(request(url), timeout: timeAmount(timeout))
            guard response.status == .ok else {
                throw Failure(url: url, reason: "HTTP \(response.status.code) \(response.status.reasonPhrase)")
            }
            if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > limit {
                throw Failure(url: url, reason: "\(megabytes(length)) is more than the \(megabytes(limit)) limit (url_max_mb in the config)")
            }
            var bytes: [UInt8] = []
            for try await var chunk in response.body {
                bytes += chunk.readBytes(length: chunk.readableBytes) ?? []
                if bytes.count > limit {
                    throw Failure(url: url, reason: "more than the \(megabytes(limit)) limit (url_max_mb in the config)")
                }
            }
            return Download(bytes: bytes, finalURL: response.url?.absoluteString ?? url, contentType: response.headers.first(name: "content-type"))
        } catch {
            throw failure(error, url: url)
        }
    }

    private static func probe(_ url: String, client: HTTPClient, prefix: Int, timeout: Duration) async throws(Failure) -> Probe {
        var request = request(url)
        request.headers.add(name: "range", value: "bytes=0-\(prefix - 1)")
        do {
            let response = try await client.execute(request, timeout: timeAmount(timeout))
            guard response.status == .ok || response.status == .partialContent else {
                throw Failure(url: url, reason: "HTTP \(response.status.code) \(response.status.reasonPhrase)")
            }
            let total = response.status == .partialContent
                ? response.headers.first(name: "content-range").flatMap(totalSize(contentRange:))
                : response.headers.first(name: "content-length").flatMap { Int64($0) }
            var bytes: [UInt8] = []
            // Leaving the loop early drops the rest of the body (the connection is closed, not drained).
            for try await var chunk in response.body {
                bytes += chunk.readBytes(length: min(chunk.readableBytes, prefix - bytes.count)) ?? []
                if bytes.count >= prefix { break }
            }
            return Probe(bytes: bytes, totalSize: total, finalURL: response.url?.absoluteString ?? url,
                         contentType: response.headers.first(name: "content-type"))
        } catch {
            throw failure(error, url: url)
        }
    }

    /// `bytes 0-524287/1234567` gives 1234567; `bytes 0-10/*` gives nil.
    static func totalSize(contentRange: String) -> Int64? {
        guard let slash = contentRange.lastIndex(of: "/") else { return nil }
        return Int64(contentRange[contentRange.index(after: slash)...].trimmingCharacters(in: .whitespaces))
    }

    private static func failure(_ error: any Error, url: String) -> Failure {
        switch error {
        case let failure as Failure: failure
        case let error as HTTPClientError where error == .redirectLimitReached || error == .redirectCycleDetected:
            Failure(url: url, reason: "too many redirects")
        default: Failure(url: url, reason: String(describing: error))
        }
    }

    private static func timeAmount(_ duration: Duration) -> TimeAmount {
        .nanoseconds(Int64(duration.components.seconds) * 1_000_000_000)
    }

    /// `12.3 MB`, as every message about a size says it.
    public static func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
}
