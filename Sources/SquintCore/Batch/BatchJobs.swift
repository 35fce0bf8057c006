import Foundation
import GeminiAPI

/// `squint batch --via batch-api`, `batch resume`, `status` and `cancel`: the Gemini Batch API (asynchronous,
/// half price) fed from the same prepared and planned requests as live answers, its results ingested through
/// the same judge-parse-save step (`AskPipeline.ingest`).
///
/// A job is recorded in the store, with the key → image map, before it is created, and named as soon as the
/// service answers; a later process waits for every open record. Images in an open job are not submitted again.
public struct BatchJobs: Sendable {
    public var service: any BatchService
    public var pipeline: AskPipeline
    /// Images larger than this are uploaded with the Files API (through the upload cache) and named by URI in
    /// the JSONL; smaller ones travel inline. Keeps the JSONL, and this process's memory, small.
    public var inlineImageLimit = 64 * 1024
    /// A job's input file is at most this large (the documented limit is 2 GB); more requests make more jobs.
    public var jobByteLimit = 2_000_000_000
    public var preparers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    public init(service: any BatchService, pipeline: AskPipeline) {
        self.service = service
        self.pipeline = pipeline
    }

    var store: Store { pipeline.store }

    // MARK: - Submitting

    /// Prepares and plans every image still to ask about, then records and creates the jobs. Returns their records.
    public func submit(_ plan: BatchPlan, emit: @escaping @Sendable (BatchJobEvent) -> Void) async throws -> [BatchJobRecord] {
        var parts = try await jsonl(for: plan, emit: emit)
        var records: [BatchJobRecord] = []
        // Each part's bytes are let go once its job is created.
        while !parts.isEmpty {
            let part = parts.removeFirst()
            records.append(try await create(part, plan: plan, number: records.count + 1))
            emit(.submitted(name: records.last?.name ?? "", requests: part.items.count))
        }
        return records
    }

    /// One JSONL line and its item, per image that could be prepared.
    struct Line: Sendable {
        var item: BatchJobRecord.Item
        var json: Data
    }

    /// The plan's request lines, in the plan's order, split into jobs' input files at `jobByteLimit`. Images are
    /// prepared `preparers` at a time; a line that is ready before the ones ahead of it waits for them, and no
    /// image starts more than a few places ahead of the last line written, so the waiting lines stay few.
    func jsonl(for plan: BatchPlan, emit: @escaping @Sendable (BatchJobEvent) -> Void) async throws -> [BatchJSONL.Part] {
        let pipeline = self.pipeline, inlineLimit = inlineImageLimit, spec = plan.spec, preparers = self.preparers
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var jsonl = BatchJSONL(byteLimit: jobByteLimit)
        try await withThrowingTaskGroup(of: (Int, Result<Line, AskFailure>).self) { group in
            var next = 0, done = 0, written = 0
            // Finished ahead of `written`: the line, or nil for an image that failed.
            var waiting: [Int: Line?] = [:]
            func add() -> Bool {
                guard next < plan.todo.count, next - done < preparers, next < written + 4 * preparers else { return false }
                let index = next, path = plan.todo[index]
                next += 1
                group.addTask {
                    let question = spec.question(for: path)
                    do {
                        let prepared = try await OffPool.run { try pipeline.prepare(question) }
                        let request = try await pipeline.plannedRequest(prepared, inlineLimit: inlineLimit)
                        let key = String(index + 1)
                        let json = try encoder.encode(BatchRequestLine(key: key, request: request.generateContentRequest))
                        let item = BatchJobRecord.Item(key: key, path: prepared.paths[0], imageSize: prepared.first.uprightSize,
                                                       estimatedTokens: prepared.estimatedImageTokens)
                        return (index, .success(Line(item: item, json: json)))
                    } catch {
                        if error is CancellationError { throw error }
                        return (index, .failure(AskFailure(error: error, outcome: nil)))
                    }
                }
                return true
            }
            while add() {}
            while let (index, result) = try await group.next() {
                switch result {
                case .success(let line): waiting[index] = .some(line)
                case .failure(let failure):
                    waiting[index] = .some(nil)
                    emit(.finished(.failed(path: plan.todo[index], failure: failure)))
                }
                while let line = waiting.removeValue(forKey: written) {
                    if let line { jsonl.append(line.json, item: line.item) }
                    written += 1
                }
                done += 1
                emit(.prepared(done: done, total: plan.todo.count))
                while add() {}
            }
        }
        return jsonl.parts
    }

    /// The start of a job's display name that ties it to its record (`squint #12-1764650000 …`: the record's id
    /// and creation second), so a job whose name never reached the store is found again among the project's.
    static func tag(id: Int64, createdAt: Date) -> String {
        "squint #\(id)-\(Int(createdAt.timeIntervalSince1970))"
    }

    private func create(_ part: BatchJSONL.Part, plan: BatchPlan, number: Int) async throws -> BatchJobRecord {
        let recordedAt = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let id = try await store.recordBatchJob(spec: plan.spec, prompt: plan.prompt, items: part.items, at: recordedAt)
        let job: BatchJob
        do {
            let words = plan.spec.words.map { " \"\($0.prefix(40))\"" } ?? ""
            let displayName = Self.tag(id: id, createdAt: recordedAt) + " \(plan.spec.task.rawValue)\(words) \(part.items.count) images"
                + (number > 1 ? " part \(number)" : "")
            let file = try await service.upload(part.bytes, mimeType: "application/jsonl", displayName: displayName + ".jsonl")
            job = try await service.createBatch(model: plan.spec.model, displayName: displayName, source: .file(name: file.name))
        } catch {
            // Not created: forget the record, so its images are not thought to be waiting.
            try? await store.deleteBatchJob(id: id)
            throw error
        }
        do {
            try await store.updateBatchJob(id: id, name: job.name, state: job.state.rawValue)
        } catch {
            // Created (and paid for) but not named in the store: the record stays, so the next run sees its images
            // waiting instead of submitting them again at once, and the error names the job, its one sure trace.
            throw BatchJobError.notRecorded(job: job.name, reason: String(describing: error))
        }
        guard let record = try await store.batchJobs(openOnly: true).first(where: { $0.id == id }) else {
            throw BatchJobError.recordGone(job: job.name)
        }
        return record
    }

    // MARK: - Waiting and ingesting

    /// Polls each job until it ends, then stores its answers. Returns the results of all images.
    public func wait(for records: [BatchJobRecord], pollInterval: Duration,
                     emit: @escaping @Sendable (BatchJobEvent) -> Void) async throws {
        for record in records {
            try await wait(for: record, pollInterval: pollInterval, emit: emit)
        }
    }

    private func wait(for record: BatchJobRecord, pollInterval: Duration, emit: @escaping @Sendable (BatchJobEvent) -> Void) async throws {
        var name = record.name
        if name == nil, let found = try await findUnnamed(record) {
            // Created, but the process died (or the store failed) before naming it: found by its tag, and kept.
            try await store.updateBatchJob(id: record.id, name: found.name, state: found.state.rawValue)
            name = found.name
        }
        guard let name else {
            // Recorded but never created (the create request failed, or never went out): nothing to wait for.
            try await store.deleteBatchJob(id: record.id)
            return
        }
        while true {
            let job = try await service.getBatch(name: name)
            try await store.updateBatchJob(id: record.id, state: job.state.rawValue, succeeded: job.batchStats?.successfulRequestCount,
                                           failed: job.batchStats?.failedRequestCount, error: job.error?.message)
            emit(.polled(name: name, state: job.state, stats: job.batchStats))
            if job.isFinished {
                try await finish(record, job: job, emit: emit)
                return
            }
            try await Task.sleep(for: pollInterval)
        }
    }

    /// The job a nameless record created, if the service has one whose display name carries the record's tag;
    /// only jobs created since the record are looked at (the list is newest first).
    private func findUnnamed(_ record: BatchJobRecord) async throws -> BatchJob? {
        let tag = Self.tag(id: record.id, createdAt: record.createdAt) + " "
        var token: String?
        for _ in 0..<20 {
            let page = try await service.listBatches(pageSize: 50, pageToken: token)
            if let job = page.batches.first(where: { $0.displayName?.hasPrefix(tag) == true }) { return job }
            let older = page.batches.contains { job in
                job.createTime.flatMap(UploadedFile.parseTimestamp).map { $0 < record.createdAt.addingTimeInterval(-60) } ?? false
            }
            guard !older, let next = page.nextPageToken, !next.isEmpty else { return nil }
            token = next
        }
        return nil
    }

    /// Stores the job's answers one by one, each marked ingested with it, and closes the record once all are
    /// in; items an earlier, interrupted ingest stored are skipped.
    private func finish(_ record: BatchJobRecord, job: BatchJob, emit: @escaping @Sendable (BatchJobEvent) -> Void) async throws {
        let items = try await store.batchJobItems(id: record.id).filter { !$0.isIngested }
        guard job.state == .succeeded || job.responsesFile != nil || job.inlinedResponses != nil else {
            emit(.ended(name: record.name ?? "", state: job.state, message: job.error?.message))
            try await store.closeBatchJob(id: record.id)
            return
        }
        let lines = try await service.batchResults(of: job)
        var byKey: [String: BatchResultLine] = [:]
        for line in lines { if let key = line.key { byKey[key] = line } }
        for item in items {
            try Task.checkCancellation()
            let question = record.spec.question(for: item.path)
            guard let line = byKey[item.key] else {
                emit(.finished(.failed(path: item.path, failure: AskFailure(error: BatchJobError.noResult(key: item.key), outcome: nil))))
                continue
            }
            if let error = line.error {
                emit(.finished(.failed(path: item.path, failure: AskFailure(error: BatchJobError.requestFailed(error), outcome: nil))))
                continue
            }
            guard let response = line.response else {
                emit(.finished(.failed(path: item.path, failure: AskFailure(error: BatchJobError.noResult(key: item.key), outcome: nil))))
                continue
            }
            switch await pipeline.ingest(GeminiAnswer(response: response), for: question, imageSize: item.imageSize,
                                         estimatedImageTokens: item.estimatedTokens, sentPrompt: record.prompt,
                                         batchItem: BatchJobItemID(jobID: record.id, key: item.key)) {
            case .finished(let outcome): emit(.finished(.answered(path: item.path, outcome: outcome)))
            case .failed(let failure): emit(.finished(.failed(path: item.path, failure: failure)))
            default: break
            }
        }
        try await store.closeBatchJob(id: record.id)
    }

    // MARK: - Status and cancel

    /// Cancels the recorded job `name` on the service; its record stays open until `resume` sees it end.
    public func cancel(named name: String) async throws {
        guard let record = try await store.batchJob(named: name), let full = record.name else { throw BatchJobError.unknownJob(name) }
        try await service.cancelBatch(name: full)
    }
}
