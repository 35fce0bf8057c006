import AsyncHTTPClient
import Foundation

/// The proxy to use for one target, from the usual environment variables.
///
/// `HTTPS_PROXY`/`https_proxy` for https targets, `HTTP_PROXY`/`http_proxy` for http targets;
/// `NO_PROXY`/`no_proxy` lists hosts to reach directly: `*`, exact hosts, domain suffixes (`example.com`
/// and `.example.com` both match `api.example.com`), IP literals, optionally with `:port`. Loopback
/// (localhost, 127.0.0.0/8, ::1) is always reached directly, as in Go's net/http: a local gateway
/// or test server behind a corporate proxy makes no sense.
public struct ProxySettings: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var isSOCKS: Bool

    public init(host: String, port: Int, username: String? = nil, password: String? = nil, isSOCKS: Bool = false) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.isSOCKS = isSOCKS
    }

    /// The proxy for `targetURL`, or `nil` to connect directly.
    public static func fromEnvironment(_ environment: [String: String], targetURL: String) -> ProxySettings? {
        guard let target = URLOrigin(url: targetURL) else { return nil }
        let names = target.scheme == "https" ? ["HTTPS_PROXY", "https_proxy"] : ["HTTP_PROXY", "http_proxy"]
        guard let value = names.lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) else { return nil }
        if isLoopback(target.host) { return nil }
        let noProxy = environment["NO_PROXY"] ?? environment["no_proxy"] ?? ""
        if bypasses(noProxy: noProxy, host: target.host, port: target.effectivePort) { return nil }
        return parse(proxyURL: value)
    }

    /// Parses `http://user:pass@host:port`, `socks5://host:port` or a bare `host:port`.
    public static func parse(proxyURL: String) -> ProxySettings? {
        let trimmed = proxyURL.trimmingCharacters(in: .whitespaces)
        let withScheme = trimmed.contains("://") ? trimmed : "http://" + trimmed
        guard let origin = URLOrigin(url: withScheme) else { return nil }
        let isSOCKS = origin.scheme.hasPrefix("socks")
        var username: String?
        var password: String?
        if let schemeEnd = withScheme.range(of: "://") {
            let afterScheme = withScheme[schemeEnd.upperBound...]
            let authority = afterScheme.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
            if let at = authority.lastIndex(of: "@") {
                let credentials = authority[..<at]
                if let colon = credentials.firstIndex(of: ":") {
                    username = String(credentials[..<colon]).removingPercentEncoding
                    password = String(credentials[credentials.index(after: colon)...]).removingPercentEncoding
                } else {
                    username = String(credentials).removingPercentEncoding
                }
            }
        }
        let defaultPort = isSOCKS ? 1080 : (origin.scheme == "https" ? 443 : 80)
        return ProxySettings(
            host: origin.host, port: origin.port ?? defaultPort, username: username, password: password, isSOCKS: isSOCKS)
    }

    /// Whether `NO_PROXY` says to reach `host` directly.
    public static func bypasses(noProxy: String, host: String, port: Int) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]."))
        for rawEntry in noProxy.split(whereSeparator: { $0 == "," || $0 == " " }) {
            var entry = rawEntry.trimmingCharacters(in: .whitespaces).lowercased()
            if entry.isEmpty { continue }
            if entry == "*" { return true }
            var entryPort: Int?
            if entry.hasPrefix("[") {
                if let close = entry.firstIndex(of: "]") {
                    let tail = entry[entry.index(after: close)...]
                    if tail.hasPrefix(":") { entryPort = Int(tail.dropFirst()) }
                    entry = String(entry[entry.index(after: entry.startIndex)..<close])
                }
            } else if entry.filter({ $0 == ":" }).count == 1, let colon = entry.firstIndex(of: ":") {
                entryPort = Int(entry[entry.index(after: colon)...])
                entry = String(entry[..<colon])
            }
            if let entryPort, entryPort != port { continue }
            while entry.hasPrefix("*.") || entry.hasPrefix(".") { entry.removeFirst(entry.hasPrefix("*") ? 2 : 1) }
            while entry.hasSuffix(".") { entry.removeLast() }
            if entry.isEmpty { continue }
            if host == entry || host.hasSuffix("." + entry) { return true }
        }
        return false
    }

    static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return host == "localhost" || host.hasSuffix(".localhost") || host == "::1" || host.hasPrefix("127.")
    }

    /// The AsyncHTTPClient form.
    var httpClientProxy: HTTPClient.Configuration.Proxy {
        if isSOCKS { return .socksServer(host: host, port: port) }
        let authorization = username.map { HTTPClient.Authorization.basic(username: $0, password: password ?? "") }
        return .server(host: host, port: port, authorization: authorization)
    }
}
