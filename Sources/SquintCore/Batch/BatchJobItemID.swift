/// One request of a recorded Batch API job: the job's store id and the request's key. An answer saved with it
/// marks that request ingested in the same transaction, so an ingest cut short (Ctrl-C, a crash, a full disk)
/// is picked up by the next `squint batch resume` without storing any answer twice.
public struct BatchJobItemID: Sendable, Hashable {
    public var jobID: Int64
    public var key: String

    public init(jobID: Int64, key: String) {
        self.jobID = jobID
        self.key = key
    }
}
