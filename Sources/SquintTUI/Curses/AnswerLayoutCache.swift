/// The answer pane's lines per (answer, width), and which long answer is being laid out off the curses thread.
///
/// Why: laying out a 5 MB answer (Markdown, wrapping, sanitising) takes seconds; done on the curses thread it
/// froze input each time the image was selected. Short answers are laid out inline (no flicker); long ones by
/// one background job at a time — the newest wanted layout waits behind it, older wishes are dropped — while
/// the pane shows the last lines of the same answer (a growing stream) or a placeholder.
struct AnswerLayoutCache {
    struct Key: Hashable, Sendable {
        var identity: AnswerContent.Identity
        var width: Int
    }

    /// A layout to run in the background.
    struct Job: Sendable {
        var key: Key
        var content: AnswerContent
    }

    /// Answers with less text than this are laid out on the curses thread (a few milliseconds at most).
    static let inlineLimit = 32 * 1024

    private var done = LRUCache<Key, [StyledLine]>(costLimit: 96 << 20)
    /// The lines last stored, shown in place of a newer layout of the same answer until it is ready.
    private var latest: (key: Key, lines: [StyledLine])?
    /// The key being laid out in the background.
    private(set) var running: Key?
    /// The newest layout wanted while `running` was busy.
    private(set) var queued: Job?

    mutating func lines(for key: Key) -> [StyledLine]? {
        if let latest, latest.key == key { return latest.lines }
        guard let lines = done.value(for: key) else { return nil }
        latest = (key, lines)
        return lines
    }

    mutating func store(_ lines: [StyledLine], for key: Key) {
        latest = (key, lines)
        // A stream's layouts are never wanted again (it grows, then ends as a stored answer): only the latest stays.
        if case .request = key.identity.source { return }
        // Cost: roughly the bytes the lines hold.
        done.insert(lines, for: key, cost: key.identity.textBytes + lines.count * 48)
    }

    /// Lines of the same answer in the same mode and width, possibly older (fewer bytes of a stream).
    func standIn(for key: Key) -> [StyledLine]? {
        guard let latest, latest.key.width == key.width, latest.key.identity.source == key.identity.source,
              latest.key.identity.mode == key.identity.mode else { return nil }
        return latest.lines
    }

    /// Asks for `job` to be laid out; returns it when it should start now (nothing else running).
    mutating func want(_ job: Job) -> Job? {
        if running == job.key || queued?.key == job.key { return nil }
        guard running == nil else {
            queued = job
            return nil
        }
        running = job.key
        return job
    }

    /// A background layout is done: keeps it and returns the queued job to start next, if still needed.
    mutating func finished(_ key: Key, lines: [StyledLine]) -> Job? {
        store(lines, for: key)
        if running == key { running = nil }
        guard running == nil, let next = queued else { return nil }
        queued = nil
        if done.contains(next.key) { return nil }
        running = next.key
        return next
    }
}
