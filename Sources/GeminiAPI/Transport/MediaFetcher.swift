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

    public static func fetch(_ url: String, limit: Int, timeout: Duration = .seconds(60),
                             environment: [String: String] = ProcessInfo.processInfo.environment) async throws(Failure) -> Download {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme), parsed.host != nil else {
            throw Failure(url: url, reason: "not an http or https URL")
        }
        var configuration = HTTPClient.Configuration(redirectConfiguration: .follow(max: 5, allowCycles: false),
                                                     timeout: .init(connect: .seconds(15)),
                                                     proxy: ProxySettings.fromEnvironment(environment, targetURL: url)?.httpClientProxy)
        configuration.decompression = .enabled(limit: .size(limit))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let result: Result<Download, Failure>
        do { result = .success(try await fetch(url, client: client, limit: limit, timeout: timeout)) } catch { result = .failure(error) }
        try? await client.shutdown()
        return try result.get()
    }

    private static func fetch(_ url: String, client: HTTPClient, limit: Int, timeout: Duration) async throws(Failure) -> Download {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "user-agent", value: "squint")
        request.headers.add(name: "accept", value: "image/*")
        do {
            let response = try await client.execute(request, timeout: TimeAmount.nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000))
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
        } catch let failure as Failure {
            throw failure
        } catch let error as HTTPClientError where error == .redirectLimitReached || error == .redirectCycleDetected {
            throw Failure(url: url, reason: "too many redirects")
        } catch {
            throw Failure(url: url, reason: String(describing: error))
        }
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
}
