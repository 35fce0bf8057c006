import ArgumentParser
import Foundation
import GeminiAPI
import SquintCore

/// What `squint batch PATH...` does: resolve the settings and the plan once, then run it live or through the
/// Batch API, printing each finished image (a line, or JSON) on stdout and progress on stderr.
struct BatchRunner: Sendable {
    let command: BatchRunCommand
    var environment = ProcessInfo.processInfo.environment

    func run() async throws {
        let settings = try command.api.settings(requireKey: !command.dryRun, environment: environment)
        let store = try settings.openStore(command.dryRun ? .readWriteIfPossible : .readWrite)
        let inputs = BatchInputs.collect(command.paths, recursive: command.recursive)
        for problem in inputs.problems { Diagnostics.error(problem) }
        guard !inputs.images.isEmpty else {
            let named = command.paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }.joined(separator: ", ")
            throw InputError(subject: named, reason: inputs.problems.isEmpty ? "no images" : "nothing to ask about")
        }
        let spec = command.spec(model: settings.configuration.model)
        let plan = try await BatchPlan.make(inputs: inputs, spec: spec, store: store, configuration: settings.configuration)
        if command.dryRun {
            printPlan(plan, maxSide: settings.configuration.spatial.maxSide)
            return
        }
        if plan.done > 0 || plan.waiting > 0 {
            var skipped: [String] = []
            if plan.done > 0 { skipped.append("\(plan.done) already answered") }
            if plan.waiting > 0 { skipped.append("\(plan.waiting) waiting in a Batch API job (`squint batch resume`)") }
            Diagnostics.note(skipped.joined(separator: ", ") + (plan.done > 0 && !spec.redo ? "; --redo asks about them again" : ""))
        }
        let gemini = try settings.gemini()
        let progress: BatchProgress
        switch command.via {
        case .live:
            progress = try await GeminiClient.withClient(configuration: gemini, environment: environment) { client in
                try await live(plan, pipeline: AskPipeline(provider: client, store: store, configuration: settings.configuration))
            }
        case .batchAPI:
            progress = try await GeminiClient.withClient(configuration: gemini, environment: environment) { client in
                let jobs = BatchJobs(service: client, pipeline: AskPipeline(provider: client, store: store, configuration: settings.configuration))
                return try await BatchAPISession(jobs: jobs, json: command.json,
                                                 pollInterval: command.pollInterval.flatMap(BatchRunCommand.duration) ?? BatchAPISession.defaultPollInterval,
                                                 environment: environment)
                    .submit(plan, wait: !command.noWait)
            }
        }
        // One exit status for both routes: 4 when an image failed, else 2 when a path could not be used.
        try Self.finish(progress, problems: inputs.problems.count)
    }

    /// Runs the plan's images through `LiveBatch`; returns the progress at the end (or throws on Ctrl-C, after
    /// the summary).
    private func live(_ plan: BatchPlan, pipeline: AskPipeline) async throws -> BatchProgress {
        let printer = BatchPrinter(spec: plan.spec, json: command.json,
                                   progress: BatchProgress(total: plan.todo.count, skipped: plan.done + plan.waiting, started: Spinner.now()))
        guard !plan.todo.isEmpty else {
            Diagnostics.note("nothing to ask: every image has an answer")
            printer.summary(interrupted: false)
            return printer.progress
        }
        let spinner = Spinner.start(environment: environment) { now in printer.progress.line(now: now) }
        await LiveBatch(pipeline: pipeline).run(plan.todo, spec: plan.spec) { event in
            printer.handle(event)
            spinner?.redraw()
        }
        spinner?.stop()
        let interrupted = Task.isCancelled
        printer.summary(interrupted: interrupted)
        if interrupted { throw CancellationError() }
        return printer.progress
    }

    /// Exit 0 when every image was answered, 4 (with one closing line) when some failed.
    static func finish(_ progress: BatchProgress, problems: Int) throws {
        if progress.failed > 0 { throw BatchIncomplete(failed: progress.failed, total: progress.total) }
        if problems > 0 { throw InputError(subject: "batch", reason: "\(problems) path\(problems == 1 ? "" : "s") could not be used") }
    }

    private func printPlan(_ plan: BatchPlan, maxSide: Int) {
        let estimate = plan.estimate(maxSide: maxSide)
        if command.json {
            Output.standardOutput.write(JSONOutput.line(BatchPlanReport(plan, estimate: estimate, via: command.via)))
            return
        }
        var lines = ["\(plan.images.count) image\(plan.images.count == 1 ? "" : "s"): \(plan.todo.count) to ask, \(plan.done) already answered"
            + (plan.waiting > 0 ? ", \(plan.waiting) waiting in Batch API jobs" : "")]
        lines.append("task: \(plan.spec.task.rawValue), model: \(plan.spec.model), via: \(command.via.rawValue), concurrency: \(plan.spec.concurrency)")
        lines.append("prompt: \(HistoryLine.one(plan.prompt, 100))")
        var tokens = "about \(BatchProgress.count(estimate.tokens)) prompt tokens (estimated from the image sizes)"
        if estimate.unreadable > 0 { tokens += " (\(estimate.unreadable) image\(estimate.unreadable == 1 ? "" : "s") unreadable, not counted)" }
        lines.append(tokens)
        Output.standardOutput.writeUntrusted(lines.joined(separator: "\n") + "\n")
    }

    /// A failure's reason without the image's path (the line leads with it).
    static func reason(_ failure: AskFailure) -> String {
        let text = String(describing: failure.error)
        guard let path = failure.outcome?.question.imagePaths.first ?? nil, text.hasPrefix(path + ": ") else { return text }
        return String(text.dropFirst(path.count + 2))
    }
}
