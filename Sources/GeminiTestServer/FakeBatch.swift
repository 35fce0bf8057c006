import Foundation

/// A batch job the fake's Batch API holds (`GenerateContentBatch`), created by `batchGenerateContent`.
///
/// It answers `PENDING` when created, `RUNNING` on the `batches.get` polls before `pollsUntilDone`, and on that
/// poll it finishes with its `outcome`: every request is answered the way `generateContent` would answer it (see
/// `FakeGeminiServer.setBatchReply(_:forKey:)`), inline results for inline requests, a generated JSONL responses
/// file for an input file.
public struct FakeBatch: Sendable {
    /// The service's `BatchState` without its prefix; `StateSpelling` chooses `BATCH_STATE_` or `JOB_STATE_`.
    public enum State: String, Sendable {
        case pending = "PENDING", running = "RUNNING", succeeded = "SUCCEEDED", failed = "FAILED"
        case cancelled = "CANCELLED", expired = "EXPIRED"

        public var isFinished: Bool { self != .pending && self != .running }
    }

    /// How a job ends once its polls are used up.
    public enum Outcome: Sendable, Equatable {
        case succeeded
        /// The whole job fails: the operation carries `error` with this code and message, and no output.
        case failed(code: Int, message: String)
        /// The job ran out of time: `EXPIRED`, no output.
        case expired
    }

    /// Where a finished job's output goes in a `batches.get` answer.
    public enum OutputPlacement: Sendable {
        /// Both under the operation's `response` and under `metadata.output`, as the service answers.
        case responseAndMetadata
        /// Only under `response` (with `done: true`).
        case response
        /// Only under `metadata.output` (the one place the official SDK reads).
        case metadataOutput
        /// No operation at all: the bare `GenerateContentBatch`, output under `output`.
        case bareBatch
    }

    /// How states are spelled on the wire.
    public enum StateSpelling: Sendable {
        /// `BATCH_STATE_RUNNING`, the REST reference's enum.
        case batchState
        /// `JOB_STATE_RUNNING`, the SDKs' shared job-state enum.
        case jobState
    }

    /// One request of the job.
    public struct Request: Sendable {
        /// `metadata.key` inline, `key` in a file line.
        public var key: String?
        /// The inline request's `metadata`, sent back with its result.
        public var metadata: FakeJSON?
        /// The `GenerateContentRequest`; nil for a file line that was not a JSON object with a `request`.
        public var body: FakeJSON?
    }

    /// One result: `response` or `error`.
    public struct Result: Sendable {
        public var key: String?
        public var metadata: FakeJSON?
        public var response: FakeJSON?
        public var error: FakeJSON?
    }

    /// `batches/{id}`.
    public var name: String
    public var displayName: String
    /// `models/{id}`.
    public var model: String
    public var state: State
    public var requests: [Request]
    /// The input file (`files/…`) when the requests came from one.
    public var inputFile: String?
    /// The generated responses file, once the job succeeded on a file input.
    public var responsesFile: String?
    public var results: [Result] = []
    /// `batches.get` answers given so far.
    public var polls = 0
    public var pollsUntilDone: Int
    public var outcome: Outcome
    public var createTime = Date()
    public var updateTime = Date()
    public var endTime: Date?
    /// Set while the results are being made outside the server's lock, so a concurrent poll does not make them too.
    var finishing = false

    static let batchType = "type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch"
    static let outputType = "type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatchOutput"

    /// The job as `batchGenerateContent` and `batches.get` answer it.
    func json(placement: OutputPlacement, spelling: StateSpelling) -> FakeJSON {
        let prefix = spelling == .batchState ? "BATCH_STATE_" : "JOB_STATE_"
        let output = outputJSON
        var fields: [FakeJSON.Member] = [
            .init("model", .string(model)),
            .init("displayName", .string(displayName)),
        ]
        if let output, placement != .response { fields.append(.init("output", output)) }
        fields.append(.init("createTime", .string(FakeFile.timestamp(createTime))))
        if let endTime { fields.append(.init("endTime", .string(FakeFile.timestamp(endTime)))) }
        fields.append(.init("updateTime", .string(FakeFile.timestamp(updateTime))))
        fields.append(.init("batchStats", statsJSON))
        fields.append(.init("state", .string(prefix + state.rawValue)))
        fields.append(.init("name", .string(name)))
        if placement == .bareBatch { return .object(fields) }
        var operation: [FakeJSON.Member] = [
            .init("name", .string(name)),
            .init("metadata", .object([.init("@type", .string(Self.batchType))] + fields)),
        ]
        if state.isFinished { operation.append(.init("done", true)) }
        if case .failed(let code, let message) = outcome, state == .failed {
            operation.append(.init("error", ["code": .int(code), "message": .string(message),
                                             "status": .string(FakeErrorBody.statusName(forHTTP: code))]))
        } else if let output, case .object(let members) = output, placement != .metadataOutput {
            operation.append(.init("response", .object([.init("@type", .string(Self.outputType))] + members)))
        }
        return .object(operation)
    }

    /// `GenerateContentBatchOutput`, once there is something to report.
    private var outputJSON: FakeJSON? {
        guard state == .succeeded else { return nil }
        if let responsesFile { return ["responsesFile": .string(responsesFile)] }
        guard inputFile == nil else { return nil }
        let entries: [FakeJSON] = results.map { result in
            var members: [FakeJSON.Member] = []
            if let response = result.response { members.append(.init("response", response)) }
            if let error = result.error { members.append(.init("error", error)) }
            if let metadata = result.metadata { members.append(.init("metadata", metadata)) }
            return .object(members)
        }
        return ["inlinedResponses": ["inlinedResponses": .array(entries)]]
    }

    /// `BatchStats`, int64 counts as strings, zero counts left out as proto3 JSON does.
    private var statsJSON: FakeJSON {
        var members: [FakeJSON.Member] = [.init("requestCount", .string(String(requests.count)))]
        func add(_ key: String, _ count: Int) {
            if count > 0 { members.append(.init(key, .string(String(count)))) }
        }
        switch state {
        case .pending, .running:
            add("pendingRequestCount", requests.count)
        case .succeeded:
            add("successfulRequestCount", results.filter { $0.response != nil }.count)
            add("failedRequestCount", results.filter { $0.error != nil }.count)
        case .failed, .cancelled, .expired:
            break
        }
        return .object(members)
    }

    /// A results file: one `{"key", "response"}` or `{"key", "error"}` line a request, in request order.
    var responsesJSONL: [UInt8] {
        var text = ""
        for result in results {
            var members: [FakeJSON.Member] = []
            if let key = result.key { members.append(.init("key", .string(key))) }
            if let response = result.response { members.append(.init("response", response)) }
            if let error = result.error { members.append(.init("error", error)) }
            text += FakeJSON.object(members).compact + "\n"
        }
        return Array(text.utf8)
    }
}
