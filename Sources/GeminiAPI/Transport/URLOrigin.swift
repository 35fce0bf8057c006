/// Scheme, host and port of a URL, parsed by hand so that odd upload URLs never fail to parse.
public struct URLOrigin: Sendable, Hashable {
    public var scheme: String
    /// Without brackets for IPv6 literals.
    public var host: String
    public var port: Int?

    /// The port, or the scheme's default.
    public var effectivePort: Int { port ?? (scheme == "https" ? 443 : 80) }

    public init?(url: String) {
        guard let (origin, _) = Self.split(url) else { return nil }
        self = origin
    }

    public init(scheme: String, host: String, port: Int?) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// `scheme://host[:port]`.
    public var string: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(hostPart)" + (port.map { ":\($0)" } ?? "")
    }

    /// Splits `url` into its origin and the rest (path, query, fragment — starting with `/`, `?` or `#`, or empty).
    static func split(_ url: String) -> (URLOrigin, rest: Substring)? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard !scheme.isEmpty else { return nil }
        let afterScheme = url[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? afterScheme.endIndex
        var authority = afterScheme[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host: Substring
        var port: Int?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let tail = authority[authority.index(after: close)...]
            if tail.hasPrefix(":") { port = Int(tail.dropFirst()) }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            port = Int(authority[authority.index(after: colon)...])
        } else {
            host = authority
        }
        guard !host.isEmpty else { return nil }
        return (URLOrigin(scheme: scheme, host: host.lowercased(), port: port), afterScheme[authorityEnd...])
    }

    /// `url` moved to this origin, path and query kept: the upload URL the server returns names Google's
    /// host even when requests go through another base URL.
    public func rewriting(_ url: String) -> String {
        guard let (_, rest) = Self.split(url) else { return url }
        return string + rest
    }
}
