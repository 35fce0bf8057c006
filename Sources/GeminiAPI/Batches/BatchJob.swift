/// A batch job as the service describes it (`GenerateContentBatch`), wherever it put the fields.
///
/// `batchGenerateContent` and `batches.get` answer a long-running `Operation`: `name`, the batch under
/// `metadata`, `done`, and once finished either `response` (the output) or `error`. Other answers (a proxy,
/// `batches.list` on some versions, a stored copy) give the bare batch. Both decode here; the output is taken
/// from `response`, else `metadata.output`, else `output`, so a service that moves it between the two keeps
/// working. Every field is optional on the wire: a job that decodes with unknown fields is still a job.
public struct BatchJob: Sendable, Hashable {
    /// `batches/…`.
    public var name: String
    public var displayName: String?
    /// `models/…`.
    public var model: String?
    /// `.unspecified` when the answer carried no state.
    public var state: BatchState
    public var createTime: String?
    public var updateTime: String?
    public var endTime: String?
    public var batchStats: BatchStats?
    /// The operation's `done`; nil for a bare batch.
    public var done: Bool?
    /// Why the whole job failed (the operation's `error`). Failures of single requests are in the results.
    public var error: RPCStatus?
    public var output: BatchOutput?

    public init(
        name: String, displayName: String? = nil, model: String? = nil, state: BatchState = .unspecified,
        batchStats: BatchStats? = nil, done: Bool? = nil, error: RPCStatus? = nil, output: BatchOutput? = nil
    ) {
        self.name = name
        self.displayName = displayName
        self.model = model
        self.state = state
        self.batchStats = batchStats
        self.done = done
        self.error = error
        self.output = output
    }

    /// Whether the job will not change any more: a finished state, or an operation marked done (a service
    /// may send `done: true` with a state this build does not know).
    public var isFinished: Bool { state.isFinished || done == true }

    /// The responses file, when the results are in one.
    public var responsesFile: String? { output?.responsesFile }

    /// The results, when they came inline.
    public var inlinedResponses: [BatchResultLine]? { output?.inlinedResponses }
}

extension BatchJob: Codable {
    enum CodingKeys: String, CodingKey {
        case name, metadata, done, response, error
        case displayName, model, state, createTime, updateTime, endTime, batchStats, output
    }

    public init(from decoder: any Decoder) throws {
        let top = try decoder.container(keyedBy: CodingKeys.self)
        // An operation's `metadata` is the batch; a bare batch has its fields at the top.
        let batch = (try? top.nestedContainer(keyedBy: CodingKeys.self, forKey: .metadata)) ?? top
        name = top.lenient(String.self, .name) ?? batch.lenient(String.self, .name) ?? ""
        displayName = batch.lenient(String.self, .displayName)
        model = batch.lenient(String.self, .model)
        state = batch.lenient(BatchState.self, .state) ?? .unspecified
        createTime = batch.lenient(String.self, .createTime)
        updateTime = batch.lenient(String.self, .updateTime)
        endTime = batch.lenient(String.self, .endTime)
        batchStats = batch.lenient(BatchStats.self, .batchStats)
        done = top.lenient(Bool.self, .done)
        error = top.lenient(RPCStatus.self, .error) ?? batch.lenient(RPCStatus.self, .error)
        let candidates = [
            top.lenient(BatchOutput.self, .response), batch.lenient(BatchOutput.self, .output),
            top.lenient(BatchOutput.self, .output),
        ]
        output = candidates.first { $0.map { !$0.isEmpty } ?? false } ?? nil
    }

    /// The bare batch, plus `done` and `error` when known: what a caller stores to pick a job up later.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(displayName, forKey: .displayName)
        try container.encodeIfPresent(model, forKey: .model)
        try container.encode(state, forKey: .state)
        try container.encodeIfPresent(createTime, forKey: .createTime)
        try container.encodeIfPresent(updateTime, forKey: .updateTime)
        try container.encodeIfPresent(endTime, forKey: .endTime)
        try container.encodeIfPresent(batchStats, forKey: .batchStats)
        try container.encodeIfPresent(done, forKey: .done)
        try container.encodeIfPresent(error, forKey: .error)
        try container.encodeIfPresent(output, forKey: .output)
    }
}
