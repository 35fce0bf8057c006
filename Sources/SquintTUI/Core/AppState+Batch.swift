import Foundation
import SquintCore

/// `R`: the last task over the marked images, or over every image of the folder when none are marked. The
/// loop plans it (the store says which images already have the answer), the state asks before a large run,
/// then `LiveBatch` runs it and each answer lands here: the progress counts it, the file list's mark follows,
/// and the image on screen shows its new answer. Single questions can still be asked while it runs.
extension AppState {
    /// Runs over more images than this ask first.
    public static let confirmBatchAbove = 20

    /// What `R` says before anything was asked.
    var batchHint: String {
        let keys = [Command.detect, .segment, .points, .caption].map { keymap.hint($0) }.joined(separator: ", ")
        return "press \(keys) or ask a question first; \(keymap.hint(.runBatch)) then runs it over the folder"
    }

    mutating func runBatch() -> [Effect] {
        guard hasAPIKey else {
            report(error: AppState.missingKeyMessage)
            return []
        }
        if let batch, batch.isActive {
            info = "a batch is running (\(keymap.hint(.cancel)) stops it)"
            return []
        }
        guard let last = lastTask else {
            info = batchHint
            return []
        }
        var images = marked.sorted(by: NaturalOrder.areInIncreasingOrder)
        let fromMarks = !images.isEmpty
        if !fromMarks { images = entries.filter { $0.kind == .image }.map { path(of: $0.name) } }
        guard !images.isEmpty else {
            info = "no images here"
            return []
        }
        let spec = BatchSpec(task: last.task, words: last.words, model: model)
        let id = nextRequestID
        nextRequestID += 1
        batch = BatchRunState(id: id, spec: spec, images: images, fromMarks: fromMarks)
        error = nil
        info = nil
        return [.planBatch(BatchRequest(id: id, spec: spec, images: images))]
    }

    mutating func batchPlanned(id: Int, todo: Int, alreadyAnswered: Int, problems: [String]) -> [Effect] {
        // A plan nobody waits for any more (stopped while planning): the loop forgets it.
        guard var run = batch, run.id == id, run.phase == .planning else { return [.cancelBatch(id)] }
        run.todo = todo
        run.alreadyAnswered = alreadyAnswered
        if let problem = problems.first {
            report(error: problem + (problems.count > 1 ? " (and \(problems.count - 1) more)" : ""))
        }
        guard todo > 0 else {
            batch = nil
            info = "nothing to ask: all \(alreadyAnswered) image\(alreadyAnswered == 1 ? "" : "s") already have \(run.title()) with \(run.spec.model)"
            return [.cancelBatch(id)]
        }
        batch = run
        if todo > Self.confirmBatchAbove {
            batch?.phase = .confirming
            modal = .confirmBatch
            return []
        }
        return startBatch()
    }

    /// The planned batch goes: the marks were for it, so they clear (the ✓ and ● marks show as answers land).
    mutating func startBatch() -> [Effect] {
        guard var run = batch else { return [] }
        run.phase = .running
        run.progress = BatchProgress(total: run.todo, skipped: run.alreadyAnswered, started: now)
        batch = run
        if run.fromMarks { marked = [] }
        return [.startBatch(run.id)]
    }

    /// The y/n of a large run.
    mutating func confirmBatchKey(_ key: Key) -> [Effect] {
        modal = .none
        guard let run = batch, run.phase == .confirming else { return [] }
        if key == .char("y") || key == .char("Y") || key == .enter { return startBatch() }
        batch = nil
        info = "not started"
        return [.cancelBatch(run.id)]
    }

    /// Esc with no single request running: stop the batch. What finished stays stored; the requests in flight
    /// keep what arrived as incomplete, and the next run asks about them again.
    mutating func stopBatch() -> [Effect]? {
        guard let run = batch, run.isActive else { return nil }
        switch run.phase {
        case .planning:
            batch = nil
            info = "not started"
        case .running:
            batch?.phase = .stopping
        default:
            return nil
        }
        return [.cancelBatch(run.id)]
    }

    mutating func batchUpdate(id: Int, _ update: BatchUpdate) -> [Effect] {
        guard var run = batch, run.id == id, run.isRunning, var progress = run.progress else { return [] }
        var effects: [Effect] = []
        switch update {
        case .asking(let path):
            progress.recordAsking(path)
        case .retrying(let path, let message):
            run.note = "\(Self.name(of: path)): \(message)"
        case .concurrencyLowered(let limit):
            run.note = "rate-limited: \(limit) at a time"
        case .answered(let path, let answer, let found, let usage):
            progress.recordFinished(path, answered: true, usage: usage)
            run.note = nil
            if run.spec.task.isSpatial, found.contains(where: { $0.review == .pending }) { run.toReview += 1 }
            effects = batchAnswered(path, task: run.spec.task, answer: answer, detections: found)
        case .failed(let path, var report, let answer, let usage):
            progress.recordFinished(path, answered: false, usage: usage)
            run.failures += 1
            let task = run.spec.task
            report.action = "\(task == .question ? "ask" : task.rawValue) failed: \(Self.name(of: path))"
            report.details.append(ErrorReport.Detail("image", path))
            report.details.append(ErrorReport.Detail("model", run.spec.model))
            // Kept for E; the status bar keeps the progress while the run lasts.
            errorReport = report
            if path == answerImage, request?.image != path, let answer { storedAnswer = answer }
        }
        run.progress = progress
        batch = run
        return effects
    }

    /// One image's answer is in the store: its mark, and its answer and overlays when it is the one shown (as a
    /// single answer would), unless a single question about it is streaming there.
    mutating func batchAnswered(_ path: String, task: AskTask, answer: StoredAnswer?, detections found: [StoredDetection]) -> [Effect] {
        if let index = entries.firstIndex(where: { self.path(of: $0.name) == path }) {
            if task.isSpatial {
                entries[index].mark = found.contains { $0.review == .pending } ? .pendingReview : .answered
            } else if entries[index].mark == .none {
                entries[index].mark = .answered
            }
        }
        guard path == answerImage, request?.image != path else { return [] }
        storedAnswer = answer
        answerScroll = 0
        guard task.isSpatial else { return [] }
        detections = found
        savingReviews = [:]
        selectedDetection = found.isEmpty ? nil : 0
        detectionTop = 0
        zoomed = false
        return [.redrawPicture]
    }

    mutating func batchEnded(id: Int) -> [Effect] {
        guard var run = batch, run.id == id, run.isRunning else { return [] }
        run.progress?.recordStopped()
        run.phase = .ended(stopped: run.phase == .stopping || !(run.progress?.isComplete ?? true))
        run.note = nil
        run.endedAt = now
        batch = run
        return countsEffect
    }

    static func name(of path: String) -> String { (path as NSString).lastPathComponent }
}
