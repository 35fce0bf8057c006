/// The Gemini v1beta endpoints the fake server answers. Replies are scripted per route.
public enum FakeRoute: String, Sendable, CaseIterable, Hashable {
    /// `POST /v1beta/models/{model}:generateContent`
    case generateContent
    /// `POST /v1beta/models/{model}:streamGenerateContent?alt=sse`
    case streamGenerateContent
    /// `POST /v1beta/models/{model}:countTokens`
    case countTokens
    /// `GET /v1beta/models` (paged with `pageSize` / `pageToken`)
    case listModels
    /// `GET /v1beta/models/{model}`
    case getModel
    /// `POST /upload/v1beta/files` with `X-Goog-Upload-Command: start`
    case uploadStart
    /// `POST` to the URL the start returned, with `X-Goog-Upload-Command: upload` or `upload, finalize` (or `query`)
    case uploadChunk
    /// `GET /v1beta/files/{id}`
    case getFile
    /// `DELETE /v1beta/files/{id}`
    case deleteFile
    /// `GET /v1beta/files` (paged)
    case listFiles
    /// `GET /download/v1beta/files/{id}:download?alt=media` (the REST reference) or `GET /v1beta/files/{id}:download`
    /// (the official SDK): the bytes of a generated file
    case fileDownload
    /// `POST /v1beta/models/{model}:batchGenerateContent`
    case batchCreate
    /// `GET /v1beta/batches/{id}`
    case batchGet
    /// `POST /v1beta/batches/{id}:cancel`
    case batchCancel
    /// `DELETE /v1beta/batches/{id}`
    case batchDelete
    /// `GET /v1beta/batches` (paged)
    case batchList

    /// Finds the route of a request and the resource it names (a model id such as `gemini-2.5-flash`, a file id
    /// such as `abc123`, a batch id). The path may carry any prefix before `/v1beta/`, so a base URL with a path
    /// works (and `/download/v1beta/` reaches the same routes as `/v1beta/`).
    static func match(method: String, path: String, uploadCommand: String?, hasUploadID: Bool)
        -> (route: FakeRoute, resource: String?)?
    {
        let path = path.removingPercentEncodingLeniently
        if path.hasSuffix("/upload/v1beta/files") {
            guard method == "POST" || method == "PUT" else { return nil }
            let command = uploadCommand?.lowercased() ?? ""
            if command.contains("start") || !hasUploadID { return (.uploadStart, nil) }
            return (.uploadChunk, nil)
        }
        guard let range = path.range(of: "/v1beta/") else { return nil }
        let rest = String(path[range.upperBound...])
        switch (method, rest) {
        case ("GET", "models"): return (.listModels, nil)
        case ("GET", "files"): return (.listFiles, nil)
        case ("GET", "batches"): return (.batchList, nil)
        default: break
        }
        if rest.hasPrefix("models/") {
            let name = String(rest.dropFirst("models/".count))
            if let colon = name.firstIndex(of: ":") {
                let model = String(name[..<colon])
                guard method == "POST" else { return nil }
                switch name[name.index(after: colon)...] {
                case "generateContent": return (.generateContent, model)
                case "streamGenerateContent": return (.streamGenerateContent, model)
                case "countTokens": return (.countTokens, model)
                case "batchGenerateContent": return (.batchCreate, model)
                default: return nil
                }
            }
            return method == "GET" && !name.contains("/") ? (.getModel, name) : nil
        }
        if rest.hasPrefix("files/") {
            let id = String(rest.dropFirst("files/".count))
            guard !id.isEmpty, !id.contains("/") else { return nil }
            if id.hasSuffix(":download") {
                let fileID = String(id.dropLast(":download".count))
                return method == "GET" && !fileID.isEmpty && !fileID.contains(":") ? (.fileDownload, fileID) : nil
            }
            guard !id.contains(":") else { return nil }
            switch method {
            case "GET": return (.getFile, id)
            case "DELETE": return (.deleteFile, id)
            default: return nil
            }
        }
        if rest.hasPrefix("batches/") {
            let id = String(rest.dropFirst("batches/".count))
            guard !id.isEmpty, !id.contains("/") else { return nil }
            if id.hasSuffix(":cancel") {
                let batchID = String(id.dropLast(":cancel".count))
                return method == "POST" && !batchID.isEmpty && !batchID.contains(":") ? (.batchCancel, batchID) : nil
            }
            guard !id.contains(":") else { return nil }
            switch method {
            case "GET": return (.batchGet, id)
            case "DELETE": return (.batchDelete, id)
            default: return nil
            }
        }
        return nil
    }
}

extension String {
    /// `%3A` and friends decoded; the original when the escapes are malformed.
    var removingPercentEncodingLeniently: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
               let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else if byte == UInt8(ascii: "%") {
                return self
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
