/// Where a batch job is in its life (`GenerateContentBatch.state`).
///
/// The REST reference spells the values `BATCH_STATE_*`, while the official SDKs (and some answers of the
/// service itself) use the `JOB_STATE_*` names of the shared job-state enum. Both spellings read as the same
/// case, so a caller never compares strings; a value this build has never seen keeps its raw text in `unknown`
/// and counts as unfinished, so polling goes on rather than taking an unknown state for an outcome.
public enum BatchState: Sendable, Hashable, Codable, CustomStringConvertible {
    case unspecified
    /// Queued, not started.
    case pending
    case running
    /// Every request was answered (some answers may still be per-request errors).
    case succeeded
    /// The whole job failed; `BatchJob.error` says why.
    case failed
    case cancelled
    /// Not finished within the service's window (48 hours): what was answered may still be in the output.
    case expired
    case unknown(String)

    public init(rawValue: String) {
        let name = rawValue.trimmingCharacters(in: .whitespaces).uppercased()
        let suffix: Substring =
            if name.hasPrefix("BATCH_STATE_") { name.dropFirst("BATCH_STATE_".count) }
            else if name.hasPrefix("JOB_STATE_") { name.dropFirst("JOB_STATE_".count) }
            else { Substring(name) }
        switch suffix {
        case "UNSPECIFIED": self = .unspecified
        case "PENDING", "QUEUED": self = .pending
        case "RUNNING": self = .running
        // The shared job-state enum's partial success is still a finished job with output to read.
        case "SUCCEEDED", "PARTIALLY_SUCCEEDED": self = .succeeded
        case "FAILED": self = .failed
        case "CANCELLED": self = .cancelled
        case "EXPIRED": self = .expired
        default: self = .unknown(rawValue)
        }
    }

    /// The REST reference's spelling (`BATCH_STATE_RUNNING`); an unknown value as it came.
    public var rawValue: String {
        switch self {
        case .unspecified: "BATCH_STATE_UNSPECIFIED"
        case .pending: "BATCH_STATE_PENDING"
        case .running: "BATCH_STATE_RUNNING"
        case .succeeded: "BATCH_STATE_SUCCEEDED"
        case .failed: "BATCH_STATE_FAILED"
        case .cancelled: "BATCH_STATE_CANCELLED"
        case .expired: "BATCH_STATE_EXPIRED"
        case .unknown(let raw): raw
        }
    }

    /// Whether the job will not change any more: polling can stop and the output (if any) be read.
    public var isFinished: Bool {
        switch self {
        case .succeeded, .failed, .cancelled, .expired: true
        case .unspecified, .pending, .running, .unknown: false
        }
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
