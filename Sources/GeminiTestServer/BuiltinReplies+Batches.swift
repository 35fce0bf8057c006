import Foundation

/// The Batch API (`batchGenerateContent`, `batches.get/cancel/delete/list`) and media download of generated files,
/// as the REST reference describes them and the official SDK reads them.
extension BuiltinReplies {
    private func missingBatch(_ id: String) -> FakeReply {
        .googleError(status: 404, message: "Requested entity was not found. (batches/\(id))")
    }

    private func invalid(_ message: String) -> FakeReply {
        .googleError(status: 400, message: message)
    }

    private func answer(_ batch: FakeBatch) -> FakeReply {
        let (placement, spelling) = state.withLock { ($0.batchOutputPlacement, $0.batchStateSpelling) }
        return .json(batch.json(placement: placement, spelling: spelling))
    }

    // MARK: Create

    /// `{"batch": {"displayName", "inputConfig": {"requests": {"requests": [{request, metadata}]}} | {"fileName"}}}`.
    func createBatch(_ request: RecordedRequest) -> FakeReply {
        guard let body = FakeJSON.parse(request.body), let batch = body["batch"] else {
            return invalid("Invalid JSON payload received. The request must be {\"batch\": GenerateContentBatch}.")
        }
        let modelID = request.resource ?? ""
        guard !modelID.isEmpty else { return invalid("batch.model is required.") }
        let input = batch["inputConfig"]
        var requests: [FakeBatch.Request] = []
        var inputFile: String?
        if let fileName = input?["fileName"]?.stringValue {
            let id = fileName.hasPrefix("files/") ? String(fileName.dropFirst("files/".count)) : fileName
            guard let file = state.withLock({ $0.files.first { $0.name == "files/\(id)" } }) else {
                return missingFile(id)
            }
            inputFile = file.name
            requests = Self.requestLines(file.bytes)
        } else if let entries = input?["requests"]?["requests"]?.arrayValue {
            requests = entries.map { entry in
                let metadata = entry["metadata"]
                return FakeBatch.Request(key: metadata?["key"]?.stringValue, metadata: metadata, body: entry["request"])
            }
        } else {
            return invalid("* GenerateContentBatch.input_config: exactly one of requests or file_name must be set.")
        }
        guard !requests.isEmpty else { return invalid("The batch has no requests.") }
        let job = state.withLock { state in
            let job = FakeBatch(name: "batches/\(state.nextID("batch"))",
                                displayName: batch["displayName"]?.stringValue ?? "", model: "models/\(modelID)",
                                state: .pending, requests: requests, inputFile: inputFile,
                                pollsUntilDone: state.batchPollsUntilDone, outcome: state.batchOutcome)
            state.batches.append(job)
            return job
        }
        return answer(job)
    }

    /// The lines of an input file: `{"key": "...", "request": {...}}` each; blank lines skipped. A line that is not
    /// such an object stays a request without a body, whose result is an error, as the service reports a bad line.
    static func requestLines(_ bytes: [UInt8]) -> [FakeBatch.Request] {
        bytes.split(separator: UInt8(ascii: "\n")).compactMap { line -> FakeBatch.Request? in
            let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return nil }
            let json = FakeJSON.parse(Array(text.utf8))
            let body = json?["request"]
            var request: FakeJSON?
            if case .object? = body { request = body }
            return FakeBatch.Request(key: json?["key"]?.stringValue, metadata: nil, body: request)
        }
    }

    // MARK: Get, and finishing on the last poll

    func getBatch(_ id: String) -> FakeReply {
        let name = "batches/\(id)"
        enum Step { case missing, answer(FakeBatch), finish(FakeBatch) }
        let step: Step = state.withLock { state in
            guard let index = state.batches.firstIndex(where: { $0.name == name }) else { return .missing }
            state.batches[index].polls += 1
            let job = state.batches[index]
            guard !job.state.isFinished, !job.finishing else { return .answer(job) }
            if job.polls >= job.pollsUntilDone {
                state.batches[index].finishing = true
                return .finish(job)
            }
            state.batches[index].state = .running
            state.batches[index].updateTime = Date()
            return .answer(state.batches[index])
        }
        switch step {
        case .missing:
            return missingBatch(id)
        case .answer(let job):
            return answer(job)
        case .finish(let job):
            return answer(finish(job))
        }
    }

    /// Ends `job` with its outcome: answers made (outside the lock: a scripted reply may be dynamic), then stored
    /// with the responses file, unless a cancel got there first.
    private func finish(_ job: FakeBatch) -> FakeBatch {
        var done = job
        done.finishing = false
        done.endTime = Date()
        done.updateTime = done.endTime!
        switch job.outcome {
        case .succeeded:
            let dropped = state.withLock { $0.batchDroppedKeys }
            done.results = job.requests.filter { $0.key.map { !dropped.contains($0) } ?? true }.map {
                result(for: $0, modelID: String(job.model.dropFirst("models/".count)))
            }
            done.state = .succeeded
        case .failed:
            done.state = .failed
        case .expired:
            done.state = .expired
        }
        return state.withLock { state in
            guard let index = state.batches.firstIndex(where: { $0.name == job.name }) else { return done }
            guard !state.batches[index].state.isFinished else {
                state.batches[index].finishing = false
                return state.batches[index]
            }
            done.polls = state.batches[index].polls
            if done.state == .succeeded, job.inputFile != nil {
                let fileID = state.nextID("batchresults")
                var file = FakeFile(name: "files/\(fileID)", displayName: "responses of \(job.name)",
                                    mimeType: "application/jsonl", bytes: done.responsesJSONL,
                                    uri: "\(baseURL)/v1beta/files/\(fileID)")
                file.source = "GENERATED"
                state.files.append(file)
                done.responsesFile = file.name
            }
            state.batches[index] = done
            return done
        }
    }

    /// The answer to one request: the reply scripted for its key, else what `generateContent` would answer now
    /// (its queue, its default, the built-in answer). A 2xx JSON reply is the response; any other reply's
    /// `google.rpc.Status` is the error.
    private func result(for request: FakeBatch.Request, modelID: String) -> FakeBatch.Result {
        var result = FakeBatch.Result(key: request.key, metadata: request.metadata)
        guard let body = request.body else {
            result.error = ["code": 400, "message": "The line is not a JSON object with a request.",
                            "status": "INVALID_ARGUMENT"]
            return result
        }
        let synthetic = RecordedRequest(route: .generateContent, resource: modelID, method: "POST",
                                        uri: "/v1beta/models/\(modelID):generateContent", headers: [],
                                        body: Array(body.compact.utf8))
        let scripted = request.key.flatMap { key in
            state.withLock { state -> FakeReply? in
                guard var queue = state.batchReplies[key], !queue.isEmpty else { return nil }
                let reply = queue.removeFirst()
                state.batchReplies[key] = queue
                return reply
            }
        }
        let reply = (scripted ?? state.scriptedReply(for: .generateContent)
            ?? self.reply(to: synthetic, route: .generateContent)).resolved(for: synthetic)
        guard case .bytes(let bytes) = reply.body, let json = FakeJSON.parse(bytes) else {
            result.error = ["code": 500, "message": "The fake cannot put a streamed or non-JSON reply in a batch result.",
                            "status": "INTERNAL"]
            return result
        }
        if (200..<300).contains(reply.status) {
            result.response = json
        } else {
            result.error = json["error"] ?? ["code": .int(reply.status), "message": .string(String(decoding: bytes, as: UTF8.self)),
                                             "status": .string(FakeErrorBody.statusName(forHTTP: reply.status))]
        }
        return result
    }

    // MARK: Cancel, delete, list

    func cancelBatch(_ id: String) -> FakeReply {
        let name = "batches/\(id)"
        enum Outcome { case missing, finished, cancelled }
        let outcome: Outcome = state.withLock { state in
            guard let index = state.batches.firstIndex(where: { $0.name == name }) else { return .missing }
            guard !state.batches[index].state.isFinished else { return .finished }
            state.batches[index].state = .cancelled
            state.batches[index].endTime = Date()
            state.batches[index].updateTime = Date()
            return .cancelled
        }
        switch outcome {
        case .missing: return missingBatch(id)
        case .finished:
            return .googleError(status: 400, message: "The batch \(name) has already finished and cannot be cancelled.",
                                statusName: "FAILED_PRECONDITION")
        case .cancelled: return .json([:])
        }
    }

    func deleteBatch(_ id: String) -> FakeReply {
        let removed = state.withLock { state in
            guard let index = state.batches.firstIndex(where: { $0.name == "batches/\(id)" }) else { return false }
            state.batches.remove(at: index)
            return true
        }
        return removed ? .json([:]) : missingBatch(id)
    }

    /// Newest first, under `operations` (an operations listing); `{}` when there is none.
    func listBatches(_ request: RecordedRequest) -> FakeReply {
        let (jobs, placement, spelling) = state.withLock { ($0.batches.reversed(), $0.batchOutputPlacement, $0.batchStateSpelling) }
        let (slice, next) = page(Array(jobs), request, defaultSize: 10)
        var members: [FakeJSON.Member] = []
        if !slice.isEmpty {
            members.append(.init("operations", .array(slice.map { $0.json(placement: placement, spelling: spelling) })))
        }
        if let next { members.append(.init("nextPageToken", .string(next))) }
        return .json(.object(members))
    }

    // MARK: Download

    /// The bytes of a generated file, with `alt=media` as the service requires; an uploaded file is refused, as the
    /// service refuses it.
    func downloadFile(_ request: RecordedRequest) -> FakeReply {
        let id = request.resource ?? ""
        guard request.query["alt"] == "media" else {
            return invalid("Download requests must include alt=media.")
        }
        guard let file = state.withLock({ $0.files.first { $0.name == "files/\(id)" } }) else { return missingFile(id) }
        guard file.source == "GENERATED" else {
            return invalid("Only generated files can be downloaded; files/\(id) was uploaded.")
        }
        return FakeReply(status: 200, headers: [("content-type", file.mimeType)], body: .bytes(file.bytes))
    }
}
