import SquintCore

/// The last line of `squint batch --json`: `{"summary": {...}, "version": 1}`.
struct BatchSummaryReport: Encodable {
    struct Summary: Encodable {
        var total: Int
        var answered: Int
        var failed: Int
        var skipped: Int
        var seconds: Double
        var promptTokens: Int
        var outputTokens: Int
        var interrupted: Bool
    }

    var summary: Summary
    var version = JSONOutput.version

    init(_ progress: BatchProgress, now: Double, interrupted: Bool) {
        summary = Summary(total: progress.total, answered: progress.answered, failed: progress.failed, skipped: progress.skipped,
                          seconds: ((now - progress.started) * 1000).rounded() / 1000, promptTokens: progress.promptTokens,
                          outputTokens: progress.outputTokens, interrupted: interrupted)
    }
}
