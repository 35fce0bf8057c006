import Foundation
import SquintCore

/// Prints a batch as it goes: each answered image on stdout (`PATH: 15 boxes: …`, or a JSON object), each
/// failure as one `squint: PATH: reason` line on stderr, and the summary at the end. Events arrive from many
/// requests at once; one lock keeps lines whole and the progress in step.
final class BatchPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private let spec: BatchSpec
    private let json: Bool
    private var state: BatchProgress
    /// The model advisory, the same on every image, is printed once.
    private var printedNotes: Set<String> = []

    init(spec: BatchSpec, json: Bool, progress: BatchProgress) {
        self.spec = spec
        self.json = json
        state = progress
    }

    var progress: BatchProgress { lock.withLock { state } }

    func handle(_ event: BatchEvent) {
        lock.lock()
        defer { lock.unlock() }
        state.apply(event)
        switch event {
        case .finished(let result):
            if json {
                Spinner.clearForMessage()
                Output.standardOutput.write(JSONOutput.line(BatchImageReport(result, spec: spec)))
            }
            switch result {
            case .answered(let path, let outcome):
                guard !json else { break }
                Spinner.clearForMessage()
                let summary = outcome.stored.map { HistoryLine.summary($0, detections: outcome.detections) } ?? "(not stored)"
                Output.standardOutput.writeUntrusted("\(path): \(summary)\n")
                let advice = ModelFamily.advice(task: outcome.question.task, model: outcome.question.model)
                for note in outcome.notes {
                    if note == advice {
                        if printedNotes.insert(note).inserted { Diagnostics.note(note) }
                    } else {
                        Diagnostics.note("\(path): \(note)")
                    }
                }
            case .failed(let path, let failure):
                Diagnostics.error("\(path): \(BatchRunner.reason(failure))")
            }
        case .concurrencyLowered(let limit):
            Diagnostics.note("rate limited (429): \(limit) request\(limit == 1 ? "" : "s") in flight for a while")
        case .asking, .retrying:
            break
        }
    }

    /// A job ended without results: its images count as failed.
    func failJob(_ count: Int) {
        lock.withLock { state.failed += count }
    }

    func summary(interrupted: Bool) {
        lock.lock()
        defer { lock.unlock() }
        let now = Spinner.now()
        if json { Output.standardOutput.write(JSONOutput.line(BatchSummaryReport(state, now: now, interrupted: interrupted))) }
        Diagnostics.note(state.summary(now: now) + (interrupted ? " (interrupted: run the same command again to go on)" : ""))
    }
}
