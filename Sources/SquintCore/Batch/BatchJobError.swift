import GeminiAPI

/// What went wrong with a Batch API job or one of its images, in one line: why an image has no answer, or
/// why a job cannot be found or waited for.
public enum BatchJobError: Error, Sendable, CustomStringConvertible {
    case noResult(key: String)
    case requestFailed(RPCStatus)
    case unknownJob(String)
    /// The service accepted the job, but the store could not record its name.
    case notRecorded(job: String, reason: String)
    /// The record of a job this process just created is no longer in the store (another process removed it).
    case recordGone(job: String)

    public var description: String {
        switch self {
        case .noResult(let key): "the job's results have no line for it (key \(key)); the next run asks again"
        case .requestFailed(let status): "the Batch API request failed: \(status.message ?? "no message") (\(status.code.map(String.init) ?? "?"))"
        case .unknownJob(let name): "\(name): no such batch job in the store (`squint batch status` lists them)"
        case .notRecorded(let job, let reason):
            "\(job) was created but the store could not record it (\(reason)); squint cannot wait for it: "
                + "`squint batch resume` forgets it and a later run asks about its images again"
        case .recordGone(let job): "\(job) was created, but its record is no longer in the store; squint cannot wait for it"
        }
    }
}
