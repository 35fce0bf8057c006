import GeminiAPI

/// What a Batch API run reports, for the CLI.
public enum BatchJobEvent: Sendable {
    /// Requests built (images prepared, large ones uploaded through the upload cache).
    case prepared(done: Int, total: Int)
    /// A job was created and recorded; `squint batch resume` can wait for it from now on.
    case submitted(name: String, requests: Int)
    /// The job as last polled.
    case polled(name: String, state: BatchState, stats: BatchStats?)
    /// One image is in the store (or failed: prepared badly, an error line, or no line for its key).
    case finished(BatchImageResult)
    /// The job ended without results (failed, cancelled, expired): one line saying so; its images are asked
    /// about again by the next run.
    case ended(name: String, state: BatchState, message: String?)
}
