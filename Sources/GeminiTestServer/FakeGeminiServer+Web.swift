/// Pages outside the API on the same server, for `squint ask https://…/photo.jpg`: any path, any reply
/// (an image, a 404, a redirect). Files answer `Range` requests as web servers do, unless served with
/// `ranges: false`. A generate request naming one of them in `fileData.fileUri` is "fetched" by the model.
extension FakeGeminiServer {
    /// Marks a page whose server ignores `Range`; never sent.
    static let noRangesHeader = "x-fake-no-ranges"

    /// Answer every generate request naming a URL in `fileData.fileUri` with the service's 400 "Cannot fetch
    /// content from the provided URL." (a signed URL the service cannot read). Default false.
    public var refusesURLFetches: Bool {
        get { state.withLock { $0.refusesURLFetches } }
        set { state.withLock { $0.refusesURLFetches = newValue } }
    }

    /// Serves `reply` at `path` (`/pictures/cat.jpg`), for any method and query.
    public func servePage(_ path: String, _ reply: FakeReply) {
        state.withLock { $0.webPages[path] = reply }
    }

    /// Serves `bytes` with `contentType` at `path`; `ranges: false` ignores `Range` (the whole file, 200).
    public func serveFile(_ path: String, bytes: [UInt8], contentType: String = "application/octet-stream", ranges: Bool = true) {
        var headers: [(name: String, value: String)] = [("content-type", contentType)]
        if !ranges { headers.append((Self.noRangesHeader, "1")) }
        servePage(path, FakeReply(status: 200, headers: headers, body: .bytes(bytes)))
    }

    /// A redirect from `path` to `location` (302).
    public func redirect(_ path: String, to location: String) {
        servePage(path, FakeReply(status: 302, headers: [("location", location)], body: .bytes([])))
    }

    /// `http://127.0.0.1:PORT/path`.
    public func pageURL(_ path: String) -> String { baseURL + path }
}
