import Foundation
import Imaging

/// What a batch will do before it does anything: which images it asks about, which already have an answer for
/// the same task, prompt and model (asked again only with `--redo`, or when the file changed since), and which
/// wait in a Batch API job that is still open. `squint batch --dry-run` prints it.
public struct BatchPlan: Sendable {
    public var spec: BatchSpec
    /// The prompt every image is sent with (what "the same prompt" is judged by).
    public var prompt: String
    /// Every image, in order.
    public var images: [String]
    /// The images to ask about now, in order.
    public var todo: [String]
    /// Images with a complete answer already.
    public var done: Int
    /// Images in an open Batch API job: `squint batch resume` brings their answers.
    public var waiting: Int
    /// Paths that could not be used (missing, not listable), one line each.
    public var problems: [String]

    public static func make(inputs: BatchInputs, spec: BatchSpec, store: Store, configuration: SquintConfiguration) async throws(StoreError) -> BatchPlan {
        let prompt = AskPipeline.prompt(for: spec.question(for: inputs.images.first ?? ""), configuration: configuration).prompt
        var plan = BatchPlan(spec: spec, prompt: prompt, images: inputs.images, todo: inputs.images, done: 0, waiting: 0,
                             problems: inputs.problems)
        guard !spec.redo else { return plan }
        let latest = try await store.latestAttempts(paths: inputs.images, task: spec.task, prompt: prompt, model: spec.model)
        let inJobs = try await store.pathsInOpenBatchJobs(task: spec.task, prompt: prompt, model: spec.model)
        plan.todo = inputs.images.filter { path in
            if inJobs.contains(path) {
                plan.waiting += 1
                return false
            }
            guard let attempt = latest[path], attempt.isComplete, let status = FileReader.status(path: path),
                  status.size == attempt.byteSize, abs(status.modified.timeIntervalSince(attempt.modified)) < 0.001
            else { return true }
            plan.done += 1
            return false
        }
        return plan
    }

    /// The prompt tokens the images still to ask about will cost, from Gemini's tile formula at the size each
    /// is sent (downscaled for spatial tasks), plus the prompt's text at about four characters a token. Reads
    /// only file headers. Images whose header cannot be read are counted in `unreadable`.
    public func estimate(maxSide: Int) -> (tokens: Int, unreadable: Int) {
        let textTokens = (prompt.utf8.count + 3) / 4
        var tokens = 0
        var unreadable = 0
        for path in todo {
            guard let upright = ImageHeader.uprightSize(path: path) else {
                unreadable += 1
                continue
            }
            let sent = spec.task.isSpatial ? SpatialImagePlan.sentSize(for: upright, maxSide: spec.template.maxImageSide ?? maxSide) : upright
            tokens += ImageTokenEstimate.tokens(width: sent.width, height: sent.height) + textTokens
        }
        return (tokens, unreadable)
    }
}
