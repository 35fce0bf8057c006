/// Scripting and inspecting the fake's Batch API.
///
/// A job answers `PENDING` when created, `RUNNING` on the polls before `batchPollsUntilDone`, then finishes with
/// `batchOutcome`. Each request is answered, in order, by the first of: a reply given to `setBatchReply(_:forKey:)`
/// for its key, the `.generateContent` queue (`enqueue(_:for: .generateContent)`), the `.generateContent`
/// default, the built-in answer. So a test scripts a batch's answers exactly as it scripts unary questions, and a
/// 4xx/5xx reply becomes that request's error result.
extension FakeGeminiServer {
    /// The `batches.get` answer (counted per job, from 1) on which a job finishes; earlier ones show it RUNNING.
    /// Read when a job is created. Default 2; 1 or less finishes a job on its first poll.
    public var batchPollsUntilDone: Int {
        get { state.withLock { $0.batchPollsUntilDone } }
        set { state.withLock { $0.batchPollsUntilDone = newValue } }
    }

    /// How jobs created from now on end. Default `.succeeded`.
    public var batchOutcome: FakeBatch.Outcome {
        get { state.withLock { $0.batchOutcome } }
        set { state.withLock { $0.batchOutcome = newValue } }
    }

    /// Where a finished job's output goes in the answers. Default: under `response` and `metadata.output`.
    public var batchOutputPlacement: FakeBatch.OutputPlacement {
        get { state.withLock { $0.batchOutputPlacement } }
        set { state.withLock { $0.batchOutputPlacement = newValue } }
    }

    /// `BATCH_STATE_*` (default, the REST reference) or `JOB_STATE_*`.
    public var batchStateSpelling: FakeBatch.StateSpelling {
        get { state.withLock { $0.batchStateSpelling } }
        set { state.withLock { $0.batchStateSpelling = newValue } }
    }

    /// Keys whose results a succeeding job leaves out (of its inline results and its responses file), as if the
    /// service had lost them.
    public var batchDroppedKeys: Set<String> {
        get { state.withLock { $0.batchDroppedKeys } }
        set { state.withLock { $0.batchDroppedKeys = newValue } }
    }

    /// Answers the batch request whose key is `key` with `reply` (queued: a second call answers the key's next
    /// occurrence). `.googleError(…)` makes an error result for that key.
    public func setBatchReply(_ reply: FakeReply, forKey key: String) {
        state.withLock { $0.batchReplies[key, default: []].append(reply) }
    }

    /// The jobs the Batch API holds now (deleted ones gone).
    public var batches: [FakeBatch] { state.withLock { $0.batches } }

    /// The job named `name` (`batches/…` or its id).
    public func batch(named name: String) -> FakeBatch? {
        let full = name.hasPrefix("batches/") ? name : "batches/\(name)"
        return state.withLock { $0.batches.first { $0.name == full } }
    }
}
