extension ProxySettings: CustomStringConvertible {
    /// `http://user:***@proxy:3128`: the password never reaches a log or a status line.
    public var description: String {
        let scheme = isSOCKS ? "socks5" : "http"
        let credentials = username.map { "\($0):***@" } ?? ""
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(credentials)\(hostPart):\(port)"
    }
}
