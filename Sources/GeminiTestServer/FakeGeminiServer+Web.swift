/// Pages outside the API on the same server, for `squint ask https://…/photo.jpg`: any path, any reply
/// (an image, a 404, a redirect).
extension FakeGeminiServer {
    /// Serves `reply` at `path` (`/pictures/cat.jpg`), for any method and query.
    public func servePage(_ path: String, _ reply: FakeReply) {
        state.withLock { $0.webPages[path] = reply }
    }

    /// Serves `bytes` with `contentType` at `path`.
    public func serveFile(_ path: String, bytes: [UInt8], contentType: String = "application/octet-stream") {
        servePage(path, FakeReply(status: 200, headers: [("content-type", contentType)], body: .bytes(bytes)))
    }

    /// A redirect from `path` to `location` (302).
    public func redirect(_ path: String, to location: String) {
        servePage(path, FakeReply(status: 302, headers: [("location", location)], body: .bytes([])))
    }

    /// `http://127.0.0.1:PORT/path`.
    public func pageURL(_ path: String) -> String { baseURL + path }
}
