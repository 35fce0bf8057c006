import Foundation

/// What each route answers when a test scripted nothing: a short answer, the model list, and a working Files API
/// with the resumable upload protocol.
struct BuiltinReplies {
    let state: ServerState
    let baseURL: String

    func reply(to request: RecordedRequest, route: FakeRoute) -> FakeReply {
        switch route {
        case .generateContent: return .answer("This is a fake answer.")
        case .streamGenerateContent: return .streamedAnswer(["This is ", "a fake ", "answer."])
        case .countTokens: return countTokens(request)
        case .listModels: return listModels(request)
        case .getModel: return getModel(request.resource ?? "")
        case .uploadStart: return startUpload(request)
        case .uploadChunk: return uploadChunk(request)
        case .getFile: return getFile(request.resource ?? "")
        case .deleteFile: return deleteFile(request.resource ?? "")
        case .listFiles: return listFiles(request)
        case .fileDownload: return downloadFile(request)
        case .batchCreate: return createBatch(request)
        case .batchGet: return getBatch(request.resource ?? "")
        case .batchCancel: return cancelBatch(request.resource ?? "")
        case .batchDelete: return deleteBatch(request.resource ?? "")
        case .batchList: return listBatches(request)
        }
    }

    /// 258 tokens an image part plus about one a word, enough for a client to show a plausible figure.
    private func countTokens(_ request: RecordedRequest) -> FakeReply {
        let text = request.bodyText
        let images = text.components(separatedBy: "\"inlineData\"").count - 1
            + text.components(separatedBy: "\"fileData\"").count - 1
        let words = text.split(separator: " ").count
        return .tokenCount(images * 258 + words)
    }

    func page<T>(_ items: [T], _ request: RecordedRequest, defaultSize: Int) -> (ArraySlice<T>, String?) {
        let size = max(1, Int(request.query["pageSize"] ?? "") ?? defaultSize)
        let start = min(items.count, Int(request.query["pageToken"] ?? "") ?? 0)
        let end = min(items.count, start + size)
        return (items[start..<end], end < items.count ? String(end) : nil)
    }

    private func listModels(_ request: RecordedRequest) -> FakeReply {
        let (slice, next) = page(state.withLock { $0.models }, request, defaultSize: 50)
        var members: [FakeJSON.Member] = [.init("models", .array(slice.map(\.json)))]
        if let next { members.append(.init("nextPageToken", .string(next))) }
        return .json(.object(members))
    }

    private func getModel(_ id: String) -> FakeReply {
        guard let model = state.withLock({ $0.models.first { $0.id == id } }) else {
            return .googleError(status: 404, message: "models/\(id) is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.")
        }
        return .json(model.json)
    }

    func missingFile(_ id: String) -> FakeReply {
        .googleError(status: 403, message: "You do not have permission to access the File \(id) or it may not exist.")
    }

    private func getFile(_ id: String) -> FakeReply {
        let file: FakeFile? = state.withLock { state in
            guard let index = state.files.firstIndex(where: { $0.name == "files/\(id)" }) else { return nil }
            let current = state.files[index]
            if current.state == .processing {
                if current.pollsUntilDone <= 0 {
                    state.files[index].state = current.finalState
                } else {
                    state.files[index].pollsUntilDone -= 1
                }
            }
            return current
        }
        guard let file else { return missingFile(id) }
        return .json(file.json)
    }

    private func deleteFile(_ id: String) -> FakeReply {
        let removed = state.withLock { state in
            guard let index = state.files.firstIndex(where: { $0.name == "files/\(id)" }) else { return false }
            state.files.remove(at: index)
            return true
        }
        return removed ? .json([:]) : missingFile(id)
    }

    /// The service answers `{}` for an empty listing, without a `files` key.
    private func listFiles(_ request: RecordedRequest) -> FakeReply {
        let (slice, next) = page(state.withLock { $0.files }, request, defaultSize: 10)
        var members: [FakeJSON.Member] = []
        if !slice.isEmpty { members.append(.init("files", .array(slice.map(\.json)))) }
        if let next { members.append(.init("nextPageToken", .string(next))) }
        return .json(.object(members))
    }

    // MARK: Resumable upload

    private func startUpload(_ request: RecordedRequest) -> FakeReply {
        guard request.header("x-goog-upload-protocol")?.lowercased() == "resumable" else {
            return .googleError(status: 400, message: "Upload has already been terminated or the upload protocol is not resumable.")
        }
        let metadata = request.jsonObject()?["file"] as? [String: Any]
        let displayName = (metadata?["displayName"] ?? metadata?["display_name"]) as? String ?? ""
        let mimeType = request.header("x-goog-upload-header-content-type") ?? "application/octet-stream"
        let length = request.header("x-goog-upload-header-content-length").flatMap { Int($0) }
        let (id, origin) = state.withLock { state in
            let id = state.nextID("upload-")
            state.uploads[id] = .init(displayName: displayName, mimeType: mimeType, declaredLength: length)
            return (id, state.uploadURLBase ?? baseURL)
        }
        return FakeReply(status: 200, headers: [
            ("content-type", "text/plain; charset=utf-8"),
            ("x-goog-upload-url", "\(origin)/upload/v1beta/files?upload_id=\(id)&upload_protocol=resumable"),
            ("x-goog-upload-status", "active"),
            ("x-goog-upload-chunk-granularity", "8388608"),
        ], body: .bytes([]))
    }

    /// Accepts a chunk at `X-Goog-Upload-Offset`. A resend of an earlier offset replaces what followed it, so a
    /// client that repeats a chunk whose answer lost its status header ends with the right bytes.
    private func uploadChunk(_ request: RecordedRequest) -> FakeReply {
        guard let id = request.query["upload_id"] else { return .text("Missing upload_id", status: 400) }
        let commands = Set((request.header("x-goog-upload-command") ?? "").lowercased()
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        let offset = request.header("x-goog-upload-offset").flatMap { Int($0) }
        return state.withLock { state -> FakeReply in
            state.chunkResponses += 1
            let omitStatus = state.omittedStatusChunks.contains(state.chunkResponses)
            guard var session = state.uploads[id] else {
                return .text("Failed to find upload session \(id)", status: 404)
            }
            func status(_ value: String, _ extra: [(name: String, value: String)] = []) -> [(name: String, value: String)] {
                (omitStatus ? [] : [("x-goog-upload-status", value)]) + extra
            }
            if commands.contains("query") {
                return FakeReply(status: 200, headers: status("active", [("x-goog-upload-size-received", String(session.received.count))]),
                                 body: .bytes([]))
            }
            guard commands.contains("upload") || commands.contains("finalize") else {
                return .text("Unknown upload command", status: 400)
            }
            guard let offset else { return .text("Missing X-Goog-Upload-Offset", status: 400) }
            guard offset <= session.received.count else {
                return .text("Invalid request. The offset \(offset) does not match the size received \(session.received.count).",
                             status: 400, headers: status("active"))
            }
            session.received.removeSubrange(offset...)
            session.received.append(contentsOf: request.body)
            guard commands.contains("finalize") else {
                state.uploads[id] = session
                return FakeReply(status: 200, headers: status("active"), body: .bytes([]))
            }
            if let declared = session.declaredLength, declared != session.received.count {
                state.uploads[id] = session
                return .text("Finalized upload size \(session.received.count) does not match the declared \(declared).",
                             status: 400, headers: status("final"))
            }
            state.uploads[id] = nil
            let fileID = state.nextID("file")
            let processing = state.processingPolls > 0
            let file = FakeFile(name: "files/\(fileID)", displayName: session.displayName, mimeType: session.mimeType,
                                bytes: session.received, state: processing ? .processing : state.processingOutcome,
                                pollsUntilDone: max(0, state.processingPolls - 1), finalState: state.processingOutcome,
                                uri: "\(baseURL)/v1beta/files/\(fileID)")
            state.files.append(file)
            return .json(["file": file.json], headers: status("final"))
        }
    }
}
