import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

extension GeminiClient {
    /// Uploads bytes with the resumable protocol (see `UploadSession`) and returns the file.
    ///
    /// The file may still be `PROCESSING`; `waitUntilActive(name:)` waits for it. Reference it in a
    /// request with `Part.file(uri: file.uri!, mimeType: file.mimeType)`.
    public func uploadFile(bytes: [UInt8], mimeType: String, displayName: String? = nil) async throws(GeminiError)
        -> GeminiFile
    {
        try await upload(contents: bytes, mimeType: mimeType, displayName: displayName)
    }

    /// `uploadFile(bytes:…)` for `Data`.
    public func uploadFile(data: Data, mimeType: String, displayName: String? = nil) async throws(GeminiError)
        -> GeminiFile
    {
        try await upload(contents: data, mimeType: mimeType, displayName: displayName)
    }

    /// The upload of either: the bytes are read in place, a chunk at a time, never copied whole (a Batch API
    /// input file can be gigabytes).
    private func upload<Bytes: RandomAccessCollection<UInt8> & Sendable>(contents data: Bytes, mimeType: String, displayName: String?)
        async throws(GeminiError) -> GeminiFile where Bytes.Index == Int
    {
        let uploadURL = try await startUpload(size: data.count, mimeType: mimeType, displayName: displayName)
        var session = UploadSession(totalSize: data.count)
        var action = session.begin()
        while true {
            switch action {
            case .sendChunk(let offset, let length, let finalize):
                let chunk = ByteBuffer(bytes: data[data.startIndex + offset..<data.startIndex + offset + length])
                var headers = HTTPHeaders()
                headers.add(name: "X-Goog-Upload-Command", value: finalize ? "upload, finalize" : "upload")
                headers.add(name: "X-Goog-Upload-Offset", value: String(offset))
                headers.add(name: "Content-Type", value: mimeType)
                do throws(GeminiError) {
                    let (answerHeaders, body) = try await uploadExchange(uploadURL, body: chunk, headers: headers)
                    action = session.chunkAnswered(
                        status: answerHeaders.first(name: "x-goog-upload-status"),
                        sizeReceived: answerHeaders.first(name: "x-goog-upload-size-received").flatMap { Int($0) })
                    if action == .finished { return try Self.uploadedFile(from: body) }
                } catch {
                    if error.category == .cancelled { throw error }
                    transport.logger.debug("upload chunk failed", metadata: [
                        "offset": "\(offset)", "bytes": "\(length)", "error": "\(error)",
                    ])
                    action = session.chunkFailed(error)
                    if case .query = action { try await pause(configuration.retryPolicy.backoff(afterAttempt: session.resends)) }
                }
            case .query:
                var headers = HTTPHeaders()
                headers.add(name: "X-Goog-Upload-Command", value: "query")
                let (answerHeaders, body) = try await uploadExchange(uploadURL, body: nil, headers: headers)
                action = session.queryAnswered(
                    status: answerHeaders.first(name: "x-goog-upload-status"),
                    sizeReceived: answerHeaders.first(name: "x-goog-upload-size-received").flatMap { Int($0) })
                if action == .finished { return try Self.uploadedFile(from: body) }
            case .finished:
                throw GeminiError(.uploadFailed("the upload finished without a file"))
            case .fail(let error):
                throw error
            }
        }
    }

    /// `start`: announces size and type, returns the session's upload URL (moved to the base URL's
    /// origin when the base URL is overridden).
    private func startUpload(size: Int, mimeType: String, displayName: String?) async throws(GeminiError) -> String {
        struct Start: Encodable {
            struct File: Encodable { var displayName: String? }
            var file: File
        }
        let body = try Self.encode(Start(file: .init(displayName: displayName)))
        var headers = HTTPHeaders()
        headers.add(name: "X-Goog-Upload-Protocol", value: "resumable")
        headers.add(name: "X-Goog-Upload-Command", value: "start")
        headers.add(name: "X-Goog-Upload-Header-Content-Length", value: String(size))
        headers.add(name: "X-Goog-Upload-Header-Content-Type", value: mimeType)
        let url = transport.uploadURL("files")
        let answer = try await retrying { () async throws(GeminiError) in
            try await transport.send(
                transport.makeRequest(.POST, url: url, body: body, headers: headers), bodyBytes: body.readableBytes)
        }
        guard let uploadURL = answer.headers.first(name: "x-goog-upload-url"), !uploadURL.isEmpty else {
            throw GeminiError(.uploadFailed("the server did not return an upload URL"))
        }
        return rewriteUploadURL(uploadURL)
    }

    /// The upload URL the server returned, moved to the configured base URL's scheme, host and port
    /// when the base URL was overridden (the server names its own public host).
    public func rewriteUploadURL(_ url: String) -> String {
        guard configuration.isBaseURLOverridden, let origin = URLOrigin(url: configuration.normalizedBaseURL) else {
            return url
        }
        return origin.rewriting(url)
    }

    /// One exchange with the upload URL. The key header goes only to the base URL's own origin.
    private func uploadExchange(_ url: String, body: ByteBuffer?, headers: HTTPHeaders) async throws(GeminiError)
        -> (headers: HTTPHeaders, body: ByteBuffer)
    {
        var request = transport.makeRequest(.POST, url: url, body: body, headers: headers)
        if URLOrigin(url: url) != URLOrigin(url: configuration.normalizedBaseURL) {
            request.headers.remove(name: "x-goog-api-key")
        }
        if body == nil { request.body = .bytes(ByteBuffer()) }
        return try await transport.send(request, bodyBytes: body?.readableBytes ?? 0)
    }

    private static func uploadedFile(from body: ByteBuffer) throws(GeminiError) -> GeminiFile {
        if let envelope = try? decode(FileEnvelope.self, from: body), let file = envelope.file { return file }
        if let file = try? decode(GeminiFile.self, from: body), !file.name.isEmpty { return file }
        throw GeminiError(.uploadFailed("the final answer did not describe the file"))
    }

    /// `files/{id}`.
    public func getFile(name: String) async throws(GeminiError) -> GeminiFile {
        let url = transport.apiURL(Self.filePath(name))
        return try await retrying { () async throws(GeminiError) in
            let (_, bytes) = try await transport.send(transport.makeRequest(.GET, url: url))
            return try Self.decode(GeminiFile.self, from: bytes)
        }
    }

    /// Deletes `files/{id}`.
    public func deleteFile(name: String) async throws(GeminiError) {
        let url = transport.apiURL(Self.filePath(name))
        _ = try await retrying { () async throws(GeminiError) in
            try await transport.send(transport.makeRequest(.DELETE, url: url)).body.readableBytes
        }
    }

    /// One page of `files`.
    public func listFiles(pageSize: Int? = nil, pageToken: String? = nil) async throws(GeminiError)
        -> ListFilesResponse
    {
        var query: [(String, String)] = []
        if let pageSize { query.append(("pageSize", String(pageSize))) }
        if let pageToken, !pageToken.isEmpty { query.append(("pageToken", pageToken)) }
        let url = transport.apiURL("files", query: query)
        return try await retrying { () async throws(GeminiError) in
            let (_, bytes) = try await transport.send(transport.makeRequest(.GET, url: url))
            return try Self.decode(ListFilesResponse.self, from: bytes)
        }
    }

    /// Every file, following `nextPageToken` (at most 100 pages).
    public func allFiles() async throws(GeminiError) -> [GeminiFile] {
        var files: [GeminiFile] = []
        var token: String?
        for _ in 0..<100 {
            let page = try await listFiles(pageSize: 100, pageToken: token)
            files += page.files
            guard let next = page.nextPageToken, !next.isEmpty, next != token else { break }
            token = next
        }
        return files
    }

    /// Polls `files/{id}` until it is `ACTIVE`; throws when it becomes `FAILED` or stays unfinished
    /// past `timeout` (counted in poll intervals, so tests with an instant sleep end too).
    public func waitUntilActive(
        name: String, pollInterval: Duration = .seconds(2), timeout: Duration = .seconds(300)
    ) async throws(GeminiError) -> GeminiFile {
        var waited = Duration.zero
        while true {
            let file = try await getFile(name: name)
            switch file.state {
            case .active?:
                return file
            case .failed?:
                throw GeminiError(
                    .fileFailed(
                        name: oneLine(file.name.isEmpty ? name : file.name, limit: 100),
                        message: file.error?.message.map { oneLine(transport.redactor.redact($0)) }))
            default:
                guard waited < timeout else {
                    throw GeminiError(
                        .fileWaitTimeout(name: oneLine(name, limit: 100), state: file.state?.rawValue ?? "unknown"))
                }
                try await pause(pollInterval)
                waited += pollInterval
            }
        }
    }
}
