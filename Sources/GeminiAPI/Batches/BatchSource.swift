/// Where a batch's requests come from (`GenerateContentBatch.inputConfig`).
public enum BatchSource: Sendable, Hashable {
    /// The requests in the create call itself. The service caps the whole body (about 20 MB), so this suits
    /// small batches; results come back inline, in request order.
    case inlined([BatchRequestLine])
    /// A JSONL file of `BatchRequestLine`s uploaded with the Files API (`files/…`); results come back as a
    /// responses file.
    case file(name: String)
}
