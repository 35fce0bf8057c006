import SquintCore

extension StatusBarView {
    /// The batch's line, in `columns`: its task, then `BatchProgress`'s line while it runs (`37/120 · 2 failed ·
    /// 1.8/s · 46 s left · 12.4k tokens · 4 asking`) and the key that stops it, or its summary once over with how
    /// many answers wait for review. What does not fit goes a whole part at a time from the end (the count, the
    /// key and the review count stay), so the line is not cut mid-figure. Sanitised: the words are the person's.
    static func batchText(_ batch: BatchRunState, now: Double, keymap: Keymap, columns: Int) -> String {
        let title = " " + TerminalSafe.text(batch.title())
        var head = title + ": "
        var kept: [String]
        var optional: [String] = []
        var tail: [String] = []
        switch batch.phase {
        case .planning:
            kept = ["checking which of \(batch.images.count) image\(batch.images.count == 1 ? "" : "s") are answered…"]
        case .confirming:
            kept = ["\(batch.todo) to ask", "y/n"]
        case .running, .stopping:
            let parts = (batch.progress?.line(now: now) ?? "").components(separatedBy: " · ")
            kept = Array(parts.prefix(1))
            optional = Array(parts.dropFirst())
            if let note = batch.note { optional.append(TerminalSafe.text(note)) }
            tail = [batch.phase == .stopping ? "stopping…" : "\(keymap.hint(.cancel)) stops"]
        case .ended(let stopped):
            head = title + (stopped ? " stopped: " : " done: ")
            let progress = batch.progress ?? BatchProgress(total: batch.todo, started: now)
            let summary = progress.summary(now: batch.endedAt ?? now).components(separatedBy: " · ")
            kept = Array(summary.prefix(1))
            if batch.toReview > 0 { kept.append("\(batch.toReview) to review: \(keymap.hint(.nextPending))") }
            optional = Array(summary.dropFirst())
            if DisplayWidth.of(head + kept.joined(separator: " · ")) > columns {
                // The counts alone when the summary's sentence and the review count do not both fit.
                var counts = ["\(progress.answered) answered"]
                if progress.failed > 0 { counts.append("\(progress.failed) failed") }
                if progress.skipped > 0 { counts.append("\(progress.skipped) skipped") }
                kept[0] = counts.joined(separator: ", ")
            }
        }
        func compose() -> String { head + (kept + optional + tail).joined(separator: " · ") }
        while !optional.isEmpty, DisplayWidth.of(compose()) > columns { optional.removeLast() }
        return compose()
    }
}
