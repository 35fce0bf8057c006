import NIOCore
import NIOHTTP1

/// Reads requests off one connection, records them, and writes the scripted or built-in reply.
struct Responder: Sendable {
    let state: ServerState
    let baseURL: String
    let apiKey: String?

    /// Serves one connection until the client closes it, a reply drops it, or the server stops. A closed
    /// connection cancels the work at once, so a reply paused for an hour does not outlive its client. Child
    /// tasks, not unstructured ones, so they keep the server's executor preference.
    func serve(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>) async {
        state.connectionOpened()
        defer { state.connectionClosed() }
        await withTaskCancellationHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await handle(connection) }
                group.addTask { try? await connection.channel.closeFuture.get() }
                // Whichever ends first (the replies, or the connection) ends the other.
                await group.next()
                group.cancelAll()
            }
        } onCancel: {
            connection.channel.close(promise: nil)
        }
    }

    private func handle(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>) async throws {
        try await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body = ByteBuffer()
            for try await part in inbound {
                switch part {
                case .head(let requestHead):
                    head = requestHead
                    body.clear()
                case .body(var chunk):
                    body.writeBuffer(&chunk)
                case .end:
                    guard let requestHead = head else { continue }
                    head = nil
                    let request = record(requestHead, body: body)
                    let keepOpen = try await answer(request, head: requestHead, to: outbound)
                    if !keepOpen { return }
                }
            }
        }
    }

    private func record(_ head: HTTPRequestHead, body: ByteBuffer) -> RecordedRequest {
        let path = String(head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
        let match = FakeRoute.match(method: head.method.rawValue, path: path,
                                    uploadCommand: head.headers.first(name: "x-goog-upload-command"),
                                    hasUploadID: head.uri.contains("upload_id="))
        let request = RecordedRequest(route: match?.route, resource: match?.resource, method: head.method.rawValue,
                                      uri: head.uri, headers: head.headers.map { ($0.name, $0.value) },
                                      body: Array(body.readableBytesView))
        state.record(request)
        return request
    }

    /// Writes the answer to `request`. A generate request is counted in flight until its answer is written, may
    /// be refused by a load limit, and otherwise waits `responseDelay` first.
    private func answer(_ request: RecordedRequest, head: HTTPRequestHead,
                        to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>) async throws -> Bool {
        guard let route = request.route, route == .generateContent || route == .streamGenerateContent else {
            return try await write(reply(to: request, head: head), keepAlive: head.isKeepAlive, to: outbound)
        }
        let refusal = state.generateStarted()
        do {
            let keepOpen: Bool
            if let refusal, checkKey(request, route: route) == nil {
                keepOpen = try await write(refusal.resolved(for: request), keepAlive: head.isKeepAlive, to: outbound)
            } else {
                let reply = reply(to: request, head: head)
                if let delay = state.withLock({ $0.responseDelay }) { try await Task.sleep(for: delay) }
                keepOpen = try await write(reply, keepAlive: head.isKeepAlive, to: outbound)
            }
            state.generateEnded()
            return keepOpen
        } catch {
            state.generateEnded()
            throw error
        }
    }

    private func reply(to request: RecordedRequest, head: HTTPRequestHead) -> FakeReply {
        guard let route = request.route else {
            if let page = state.withLock({ $0.webPages[request.path] }) { return Self.ranged(page, for: request) }
            return .googleError(status: 404, message: "Method not found: \(request.method) \(request.path)")
        }
        if let refusal = checkKey(request, route: route) { return refusal }
        if let refusal = checkFiles(request, route: route) { return refusal }
        if let refusal = checkExternalURLs(request, route: route) { return refusal }
        if let refusal = checkThinkingLevel(request, route: route) { return refusal }
        let reply = state.scriptedReply(for: route) ?? BuiltinReplies(state: state, baseURL: baseURL).reply(to: request, route: route)
        return reply.resolved(for: request)
    }

    /// A page's bytes as a web server serves them to `Range: bytes=a-b` (206 with `Content-Range`), unless the
    /// page was served with `ranges: false`.
    static func ranged(_ page: FakeReply, for request: RecordedRequest) -> FakeReply {
        guard page.status == 200, case .bytes(let bytes) = page.body, !bytes.isEmpty,
              !page.headers.contains(where: { $0.name == FakeGeminiServer.noRangesHeader }),
              let range = request.header("range"), range.hasPrefix("bytes=") else {
            var plain = page
            plain.headers.removeAll { $0.name == FakeGeminiServer.noRangesHeader }
            return plain
        }
        let bounds = range.dropFirst("bytes=".count).split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count == 2, let start = Int(bounds[0]), start < bytes.count else {
            return FakeReply(status: 416, headers: [("content-range", "bytes */\(bytes.count)")], body: .bytes([]))
        }
        let end = min(Int(bounds[1]) ?? bytes.count - 1, bytes.count - 1)
        var headers = page.headers
        headers.append(("content-range", "bytes \(start)-\(end)/\(bytes.count)"))
        return FakeReply(status: 206, headers: headers, body: .bytes(Array(bytes[start...end])))
    }

    /// Images named by URL in `fileData.fileUri` (not this server's Files API): the 2.0 models refuse them as the
    /// service does ("Invalid or unsupported file uri"); other models "fetch" them, which works for a page this
    /// server serves with 200, unless `refusesURLFetches`.
    private func checkExternalURLs(_ request: RecordedRequest, route: FakeRoute) -> FakeReply? {
        guard route == .generateContent || route == .streamGenerateContent || route == .countTokens,
              let contents = request.jsonObject()?["contents"] as? [[String: Any]] else { return nil }
        // The service reads proto JSON, which takes both spellings; the Python SDK sends `file_data.file_uri`.
        let uris = contents.flatMap { ($0["parts"] as? [[String: Any]]) ?? [] }
            .compactMap { part in
                let data = (part["fileData"] ?? part["file_data"]) as? [String: Any]
                return (data?["fileUri"] ?? data?["file_uri"]) as? String
            }
            .filter { !$0.hasPrefix(baseURL + "/v1beta/files/") }
        for uri in uris {
            let model = request.resource ?? ""
            if model.hasPrefix("gemini-2.0") || model.hasPrefix("gemini-1.5") {
                return .googleError(status: 400, message: "Invalid or unsupported file uri: \(uri)")
            }
            let served = uri.hasPrefix(baseURL) && state.withLock {
                !$0.refusesURLFetches && $0.webPages[String(uri.dropFirst(baseURL.count)).split(separator: "?").first.map(String.init) ?? ""]?.status == 200
            }
            if !served { return .googleError(status: 400, message: "Cannot fetch content from the provided URL.") }
        }
        return nil
    }

    /// A thinking level the model does not take is a 400, as the service answers it.
    private func checkThinkingLevel(_ request: RecordedRequest, route: FakeRoute) -> FakeReply? {
        guard route == .generateContent || route == .streamGenerateContent,
              let config = request.jsonObject()?["generationConfig"] as? [String: Any],
              let level = (config["thinkingConfig"] as? [String: Any])?["thinkingLevel"] as? String,
              state.withLock({ $0.refusedThinkingLevels.contains(level) }) else { return nil }
        return .googleError(status: 400, message: "Thinking level \(level) is not supported for this model.")
    }

    /// The service's answers to a missing or wrong key. Upload chunks are authorised by their `upload_id`.
    private func checkKey(_ request: RecordedRequest, route: FakeRoute) -> FakeReply? {
        guard let apiKey, route != .uploadChunk else { return nil }
        guard let sent = request.header("x-goog-api-key") else {
            return .googleError(status: 403, message: "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.")
        }
        guard sent == apiKey else {
            return .googleError(status: 400, message: "API key not valid. Please pass a valid API key.",
                                details: [.errorInfo(reason: "API_KEY_INVALID", domain: "googleapis.com",
                                                     metadata: [("service", "generativelanguage.googleapis.com")])])
        }
        return nil
    }

    /// The service refuses a question that references a file it does not have (deleted, expired after 48 hours,
    /// or never uploaded) with 403 PERMISSION_DENIED. Only URIs of this server are checked.
    private func checkFiles(_ request: RecordedRequest, route: FakeRoute) -> FakeReply? {
        guard route == .generateContent || route == .streamGenerateContent || route == .countTokens else { return nil }
        let prefix = baseURL + "/v1beta/files/"
        var rest = Substring(request.bodyText.replacingOccurrences(of: "\\/", with: "/"))
        while let range = rest.range(of: prefix) {
            let id = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            rest = rest[range.upperBound...]
            let known = state.withLock { $0.files.contains { $0.name == "files/\(id)" } }
            if !known {
                return .googleError(status: 403, message: "You do not have permission to access the File \(id) or it may not exist.")
            }
        }
        return nil
    }

    /// Writes `reply`; false when the connection must close afterwards (dropped, or the client asked).
    private func write(_ reply: FakeReply, keepAlive: Bool, to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>)
        async throws -> Bool
    {
        var headers = HTTPHeaders()
        for (name, value) in reply.headers {
            if name.lowercased() == "content-type" { headers.replaceOrAdd(name: name, value: value) } else { headers.add(name: name, value: value) }
        }
        if !keepAlive { headers.replaceOrAdd(name: "connection", value: "close") }
        let status = HTTPResponseStatus(statusCode: reply.status)
        switch reply.body {
        case .bytes(let bytes):
            headers.replaceOrAdd(name: "content-length", value: String(bytes.count))
            try await outbound.write(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers)))
            if !bytes.isEmpty { try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: bytes)))) }
            try await outbound.write(.end(nil))
        case .stream(let parts, let framing):
            // No content-length: NIO's encoder sends `transfer-encoding: chunked`, one chunk per write.
            try await outbound.write(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers)))
            for part in parts {
                switch part {
                case .pause(let duration):
                    try await Task.sleep(for: duration)
                case .drop:
                    return false
                default:
                    try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: Self.bytes(of: part, framing: framing)))))
                }
            }
            try await outbound.write(.end(nil))
        }
        return keepAlive
    }

    static func bytes(of part: StreamPart, framing: SSEFraming) -> [UInt8] {
        let end = framing.lineEnd
        switch part {
        case .event(let payload):
            return Array(("data: " + payload + end + end).utf8)
        case .multilineEvent(let lines):
            return Array((lines.map { "data: " + $0 + end }.joined() + end).utf8)
        case .raw(let text):
            return Array(text.utf8)
        case .bytes(let bytes):
            return bytes
        case .pause, .drop:
            return []
        }
    }
}
