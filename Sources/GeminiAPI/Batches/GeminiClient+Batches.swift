import Foundation
import NIOCore

extension GeminiClient {
    /// The MIME type a batch input file is uploaded with (`uploadFile(bytes:mimeType:…)`), as in the Batch API
    /// guide's REST example. The official SDK sends plain `jsonl`; the service takes both.
    public static let batchInputMimeType = "application/jsonl"

    /// `models/{model}:batchGenerateContent`: queues `source`'s requests as one batch job and returns it,
    /// normally `BATCH_STATE_PENDING`.
    ///
    /// The answer is an `Operation` whose `metadata` is the batch; `BatchJob` reads that or a bare batch.
    /// Retried only after a 429, which means nothing was queued. A 5xx, a dropped connection or a timeout may
    /// come after the service queued the job, and another try would queue (and bill) a second one; those are
    /// reported at once — a caller that wants to go on lists `batches` for its `displayName` first.
    public func createBatch(model: String, displayName: String, source: BatchSource) async throws(GeminiError)
        -> BatchJob
    {
        let body = try Self.encode(BatchCreateBody(displayName: displayName, source: source))
        let url = transport.apiURL(Self.modelPath(model) + ":batchGenerateContent")
        return try await retrying(only: { $0.category == .rateLimited }) { () async throws(GeminiError) in
            let (_, bytes) = try await transport.send(
                transport.makeRequest(.POST, url: url, body: body), bodyBytes: body.readableBytes)
            return try batchJob(from: bytes)
        }
    }

    /// `batches/{id}`: the job's state, counts, and (once finished) its output or error.
    public func getBatch(name: String) async throws(GeminiError) -> BatchJob {
        let url = transport.apiURL(Self.batchPath(name))
        return try await retrying { () async throws(GeminiError) in
            let (_, bytes) = try await transport.send(transport.makeRequest(.GET, url: url))
            return try batchJob(from: bytes)
        }
    }

    /// `batches/{id}:cancel`: asks the service to stop a pending or running job. It answers at once; the job
    /// reads `CANCELLED` on a later `getBatch`, and what was already answered may still be in its output.
    public func cancelBatch(name: String) async throws(GeminiError) {
        let url = transport.apiURL(Self.batchPath(name) + ":cancel")
        let body = ByteBuffer(string: "{}")
        _ = try await retrying { () async throws(GeminiError) in
            try await transport.send(transport.makeRequest(.POST, url: url, body: body), bodyBytes: 2).body.readableBytes
        }
    }

    /// Deletes `batches/{id}`: the service forgets the job (its responses file is a file of its own, removed with
    /// `deleteFile(name:)` or after 48 hours).
    public func deleteBatch(name: String) async throws(GeminiError) {
        let url = transport.apiURL(Self.batchPath(name))
        _ = try await retrying { () async throws(GeminiError) in
            try await transport.send(transport.makeRequest(.DELETE, url: url)).body.readableBytes
        }
    }

    /// One page of `batches`, newest first as the service lists them.
    public func listBatches(pageSize: Int? = nil, pageToken: String? = nil) async throws(GeminiError)
        -> ListBatchesResponse
    {
        var query: [(String, String)] = []
        if let pageSize { query.append(("pageSize", String(pageSize))) }
        if let pageToken, !pageToken.isEmpty { query.append(("pageToken", pageToken)) }
        let url = transport.apiURL("batches", query: query)
        return try await retrying { () async throws(GeminiError) in
            let (_, bytes) = try await transport.send(transport.makeRequest(.GET, url: url))
            var page = try Self.decode(ListBatchesResponse.self, from: bytes)
            for index in page.batches.indices {
                page.batches[index].error = page.batches[index].error.map(transport.redactor.redact)
            }
            return page
        }
    }

    /// The bytes of a file the service produced (a batch's responses file), from the media download endpoint
    /// `{base}/download/v1beta/files/{id}:download?alt=media` of the REST reference. Files a caller uploaded
    /// cannot be downloaded: the service refuses them.
    public func downloadFile(name: String) async throws(GeminiError) -> Data {
        let url = transport.downloadURL(Self.filePath(name) + ":download", query: [("alt", "media")])
        return try await retrying { () async throws(GeminiError) in
            let (_, bytes) = try await transport.send(transport.makeRequest(.GET, url: url))
            return Data(bytes.readableBytesView)
        }
    }

    /// The results of a finished job: its inline responses, or its responses file downloaded and parsed.
    /// Empty when the job has no output (failed, or cancelled before anything was answered). A request whose
    /// key is missing from the results was not answered; ask it again.
    public func batchResults(of job: BatchJob) async throws(GeminiError) -> [BatchResultLine] {
        if let inline = job.inlinedResponses { return inline }
        guard let file = job.responsesFile else { return [] }
        return BatchResultLine.parseJSONL(try await downloadFile(name: file)).map(redacted)
    }

    /// A job from a create or get answer; an answer that names no job is not one. Its statuses go through the
    /// redactor, as every error's do: a caller prints them, and a gateway may quote the key back.
    func batchJob(from bytes: ByteBuffer) throws(GeminiError) -> BatchJob {
        var job = try Self.decode(BatchJob.self, from: bytes)
        guard !job.name.isEmpty else {
            throw GeminiError(.invalidResponse("the answer did not name the batch"))
        }
        job.error = job.error.map(transport.redactor.redact)
        if let inline = job.output?.inlinedResponses { job.output?.inlinedResponses = inline.map(redacted) }
        return job
    }

    private func redacted(_ line: BatchResultLine) -> BatchResultLine {
        var copy = line
        copy.error = line.error.map(transport.redactor.redact)
        return copy
    }

    /// `batches/ID` from `ID` or `batches/ID`.
    static func batchPath(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if let range = trimmed.range(of: "batches/", options: .backwards) {
            return "batches/" + trimmed[range.upperBound...]
        }
        return "batches/" + trimmed
    }
}
