import Foundation
import Imaging

/// A Gemini Batch API job as the store remembers it: what it asks, the service's name for it, its last known
/// state and counts, and, per request key, the image it is about.
public struct BatchJobRecord: Sendable, Equatable {
    /// One request of the job.
    public struct Item: Sendable, Equatable {
        public var key: String
        public var path: String
        /// The upright size of the image, which the answer's coordinates are read against.
        public var imageSize: PixelSize
        public var estimatedTokens: Int
        /// Its answer is in the store: a resume after an ingest cut short skips it.
        public var isIngested: Bool

        public init(key: String, path: String, imageSize: PixelSize, estimatedTokens: Int, isIngested: Bool = false) {
            self.key = key
            self.path = path
            self.imageSize = imageSize
            self.estimatedTokens = estimatedTokens
            self.isIngested = isIngested
        }
    }

    public var id: Int64
    /// `batches/…`; nil while the job is being created (a crash then leaves a record to clean up, never a job
    /// submitted twice without a trace).
    public var name: String?
    public var spec: BatchSpec
    public var prompt: String
    /// The service's state name (`BATCH_STATE_RUNNING`…), or `submitting` before it has one.
    public var state: String
    public var requestCount: Int
    public var succeededCount: Int
    public var failedCount: Int
    public var error: String?
    public var createdAt: Date
    public var updatedAt: Date
    /// When its results were read into the store; nil while there is still something to do.
    public var ingestedAt: Date?

    public static let submitting = "submitting"

    /// Still to be waited for and ingested.
    public var isOpen: Bool { ingestedAt == nil }
}
