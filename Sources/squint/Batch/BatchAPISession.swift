import Foundation
import GeminiAPI
import SquintCore

/// `squint batch --via batch-api` and `squint batch resume`: `BatchJobs` with the CLI's output — job names,
/// a progress line while polling, each image as it is stored (as live runs print it), failures on stderr.
struct BatchAPISession: Sendable {
    static let defaultPollInterval: Duration = .seconds(30)

    let jobs: BatchJobs
    let json: Bool
    let pollInterval: Duration
    var environment = ProcessInfo.processInfo.environment

    /// Submits the plan; waits for the jobs and ingests them unless `wait` is false (then prints the names).
    /// Returns the progress at the end, for the same exit status as a live run (`BatchRunner.finish`).
    func submit(_ plan: BatchPlan, wait: Bool) async throws -> BatchProgress {
        let printer = BatchPrinter(spec: plan.spec, json: json,
                                   progress: BatchProgress(total: plan.todo.count, skipped: plan.done + plan.waiting, started: Spinner.now()))
        guard !plan.todo.isEmpty else {
            Diagnostics.note("nothing to submit: every image has an answer or waits in a job")
            return printer.progress
        }
        let status = Locked("preparing the requests…")
        let spinner = Spinner.start(environment: environment) { _ in status.get() }
        let records: [BatchJobRecord]
        do {
            records = try await jobs.submit(plan) { event in
                switch event {
                case .prepared(let done, let total):
                    status.set("preparing the requests… \(done)/\(total)")
                case .submitted(let name, let requests):
                    Diagnostics.note("submitted \(name) (\(requests) request\(requests == 1 ? "" : "s"))")
                case .finished(let result):
                    printer.handle(.finished(result))
                default:
                    break
                }
                spinner?.redraw()
            }
        } catch {
            spinner?.stop()
            throw error
        }
        spinner?.stop()
        guard wait else {
            for record in records { Output.standardOutput.write((record.name ?? "") + "\n") }
            Diagnostics.note("`squint batch resume` waits for \(records.count == 1 ? "it" : "them") and stores the answers")
            return printer.progress
        }
        return try await Self.wait(for: records, jobs: jobs, printer: printer, pollInterval: pollInterval, environment: environment)
    }

    /// Polls `records` until each ends, printing each image as it is stored; returns the progress at the end.
    static func wait(for records: [BatchJobRecord], jobs: BatchJobs, printer: BatchPrinter, pollInterval: Duration,
                     environment: [String: String]) async throws -> BatchProgress {
        let status = Locked("")
        let spinner = Spinner.start(environment: environment) { now in
            let line = status.get()
            return line.isEmpty ? nil : line + " · " + BatchProgress.duration(now - printer.progress.started)
        }
        defer { spinner?.stop() }
        try await jobs.wait(for: records, pollInterval: pollInterval) { event in
            switch event {
            case .polled(let name, let state, let stats):
                status.set(Self.pollLine(name: name, state: state, stats: stats))
            case .finished(let result):
                printer.handle(.finished(result))
            case .ended(let name, let state, let message):
                let count = records.first { $0.name == name }?.requestCount ?? 0
                Diagnostics.error("\(name): the job ended \(state.rawValue)\(message.map { " (\($0))" } ?? "") without results; "
                                  + "its \(count) image\(count == 1 ? " is" : "s are") asked about again by the next run")
                printer.failJob(count)
            case .prepared, .submitted:
                break
            }
            spinner?.redraw()
        }
        spinner?.stop()
        printer.summary(interrupted: false)
        return printer.progress
    }

    /// `batches/123: RUNNING · 40/120 done, 1 failed`
    static func pollLine(name: String, state: BatchState, stats: BatchStats?) -> String {
        var line = "\(name): \(state.rawValue.replacingOccurrences(of: "BATCH_STATE_", with: ""))"
        if let stats, let total = stats.requestCount {
            line += " · \((stats.successfulRequestCount ?? 0) + (stats.failedRequestCount ?? 0))/\(total) done"
            if let failed = stats.failedRequestCount, failed > 0 { line += ", \(failed) failed" }
        }
        return line
    }
}
