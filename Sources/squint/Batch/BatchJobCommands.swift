import ArgumentParser
import Foundation
import GeminiAPI
import SquintCore
import TerminalGraphics

/// `squint batch resume`: waits for every Batch API job recorded in the store and stores its answers.
struct BatchResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Wait for the recorded Batch API jobs and store their answers.",
        discussion: "Any process, any time after `squint batch --via batch-api` (with or without --no-wait). Exit status: 0 when every image was answered, 4 when some failed or a job ended without results (the next `squint batch` run asks about them again).")

    @Option(name: .customLong("poll-interval"), help: ArgumentHelp("How often to ask about each job, in seconds or with a unit (\"500ms\") (default: 30 s).", valueName: "DURATION"))
    var pollInterval: String?

    @Flag(help: "Print JSON Lines: one object per stored image, then a summary object.")
    var json = false

    @OptionGroup var api: APIOptions

    func validate() throws {
        if let pollInterval, BatchRunCommand.duration(pollInterval) == nil {
            throw ValidationError("--poll-interval must be seconds (30) or a duration with a unit (500ms, 2m), at most a day")
        }
    }

    func run() async throws {
        let command = self
        try await CommandRunner.run {
            let settings = try command.api.settings()
            let store = try settings.openStore()
            let records = try await store.batchJobs(openOnly: true)
            guard !records.isEmpty else {
                Diagnostics.note("no Batch API jobs to wait for (`squint batch status` lists them all)")
                return
            }
            // Requests an earlier resume stored before it was cut short are skipped, not counted again.
            let stored = try await store.ingestedBatchJobItemCount(ids: records.map(\.id))
            let total = records.reduce(0) { $0 + $1.requestCount } - stored
            let spec = records[0].spec
            try await GeminiClient.withClient(configuration: try settings.gemini()) { client in
                let jobs = BatchJobs(service: client, pipeline: AskPipeline(provider: client, store: store, configuration: settings.configuration))
                let printer = BatchPrinter(spec: spec, json: command.json, progress: BatchProgress(total: total, skipped: stored, started: Spinner.now()))
                let progress = try await BatchAPISession.wait(
                    for: records, jobs: jobs, printer: printer,
                    pollInterval: command.pollInterval.flatMap(BatchRunCommand.duration) ?? BatchAPISession.defaultPollInterval,
                    environment: ProcessInfo.processInfo.environment)
                try BatchRunner.finish(progress, problems: 0)
            }
        }
    }
}

/// `squint batch status`: the recorded jobs, newest first, with their state and counts.
struct BatchStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List the recorded Batch API jobs with their state and counts.",
        discussion: "Open jobs are asked about once for their current state (unless --offline).")

    @Flag(help: "Print JSON: {\"jobs\": [...], \"version\": 1}.")
    var json = false

    @Flag(help: "Show the states as last recorded, without asking the service.")
    var offline = false

    @OptionGroup var api: APIOptions

    struct JobReport: Encodable {
        var name: String?
        var state: String
        var task: String
        var prompt: String?
        var model: String
        var requests: Int
        var succeeded: Int
        var failed: Int
        var open: Bool
        var created: String
        var error: String?
    }

    func run() async throws {
        let command = self
        try await CommandRunner.run {
            let settings = try command.api.settings(requireKey: !command.offline)
            let store = try settings.openStore()
            if !command.offline {
                try await GeminiClient.withClient(configuration: try settings.gemini()) { client in
                    for record in try await store.batchJobs(openOnly: true) {
                        guard let name = record.name else { continue }
                        do {
                            let job = try await client.getBatch(name: name)
                            try await store.updateBatchJob(id: record.id, state: job.state.rawValue, succeeded: job.batchStats?.successfulRequestCount,
                                                           failed: job.batchStats?.failedRequestCount, error: job.error?.message)
                        } catch {
                            Diagnostics.warning("\(name): \(error)")
                        }
                    }
                }
            }
            let records = try await store.batchJobs()
            let iso = ISO8601DateFormatter()
            if command.json {
                let reports = records.map { record in
                    JobReport(name: record.name, state: record.state, task: record.spec.task.rawValue, prompt: record.spec.words,
                              model: record.spec.model, requests: record.requestCount, succeeded: record.succeededCount,
                              failed: record.failedCount, open: record.isOpen, created: iso.string(from: record.createdAt), error: record.error)
                }
                Output.standardOutput.write(JSONOutput.line(VersionedList(name: "jobs", items: reports)))
                return
            }
            guard !records.isEmpty else {
                Diagnostics.note("no Batch API jobs recorded (`squint batch PATH... --task T --via batch-api` makes one)")
                return
            }
            for record in records {
                let words = record.spec.words.map { " \"\(HistoryLine.one($0, 40))\"" } ?? ""
                var line = "\(record.name ?? "(not created)")  \(record.state.replacingOccurrences(of: "BATCH_STATE_", with: ""))"
                line += "  \(record.spec.task.rawValue)\(words)  \(record.spec.model)  \(HistoryLine.time.string(from: record.createdAt))"
                line += "  \(record.requestCount) requests, \(record.succeededCount) ok, \(record.failedCount) failed"
                line += record.isOpen ? "  (open: `squint batch resume`)" : "  (stored)"
                Output.standardOutput.write(TerminalSanitizer.sanitize(line) + "\n")
            }
        }
    }
}

/// `squint batch cancel NAME`.
struct BatchCancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel a recorded Batch API job.",
        discussion: "The job stops on the service; `squint batch resume` then records its end, and the next `squint batch` run asks about its images again.")

    @Argument(help: ArgumentHelp("The job: batches/ID or ID (`squint batch status` lists them).", valueName: "name"))
    var name: String

    @OptionGroup var api: APIOptions

    func run() async throws {
        let command = self
        try await CommandRunner.run {
            let settings = try command.api.settings()
            let store = try settings.openStore()
            try await GeminiClient.withClient(configuration: try settings.gemini()) { client in
                let jobs = BatchJobs(service: client, pipeline: AskPipeline(provider: client, store: store, configuration: settings.configuration))
                try await jobs.cancel(named: command.name)
            }
            Diagnostics.note("cancelling \(command.name.hasPrefix("batches/") ? command.name : "batches/" + command.name); `squint batch resume` records its end")
        }
    }
}
