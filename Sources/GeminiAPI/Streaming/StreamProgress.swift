import Synchronization

/// What one streaming attempt has done so far, shared between the body reader and its idle watchdog.
final class StreamProgress: Sendable {
    private struct State {
        var lastActivity = ContinuousClock.now
        var answerLength = 0
        var answerStarted = false
    }

    private let state = Mutex(State())

    /// Bytes arrived: the idle clock restarts.
    func touch() {
        state.withLock { $0.lastActivity = .now }
    }

    var lastActivity: ContinuousClock.Instant { state.withLock { $0.lastActivity } }

    /// Records an event handed to the caller. Text, thoughts and a block verdict count as "the answer
    /// started": after them a retry would show the caller a second, different answer.
    func delivered(_ event: StreamEvent) {
        state.withLock { state in
            switch event {
            case .text(let text):
                state.answerLength += text.count
                state.answerStarted = true
            case .thought, .blocked:
                state.answerStarted = true
            default:
                break
            }
        }
    }

    var answerStarted: Bool { state.withLock { $0.answerStarted } }
    var answerLength: Int { state.withLock { $0.answerLength } }
}
