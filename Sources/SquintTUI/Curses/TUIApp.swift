import CNcursesw
import Foundation
import Imaging
import SquintCore

/// The event loop: owns curses on one thread, waits in `poll` on stdin, the signal pipe and the inbox's
/// wake-up pipe, feeds events to `AppState.update`, runs the effects and draws.
public final class TUIApp {
    /// How the session is configured before it starts.
    public struct Options: Sendable {
        public var themes: [Theme]
        public var noColor: Bool
        public init(themes: [Theme], noColor: Bool) {
            self.themes = themes
            self.noColor = noColor
        }
    }

    var state: AppState
    let services: AppServices
    let options: Options
    let inbox = Inbox()
    let cache: PreviewCache
    var screen: Screen!
    var styles: StyleTable!
    var running = true

    // Background work
    var requests: [Int: Task<Void, Never>] = [:]
    var runs: [Int: AskPipeline.Run] = [:]
    /// Batches planned and not yet started (or dropped), by id.
    var batchPlans: [Int: BatchPlan] = [:]
    /// The batch running, with the task reading its events.
    var batchRun: (id: Int, run: LiveBatch.Run, reader: Task<Void, Never>)?
    let unsavedReviews = UnsavedReviews()
    var prefetch: Task<Void, Never>?
    var pictureTask: Task<Void, Never>?
    /// The last review decision being written; each write waits for the one before, so decisions land in the
    /// order they were made, and quitting waits for the last one.
    var reviewWrites: Task<Void, Never>?

    // What is on screen
    var presenter = PicturePresenter()
    var previewNeedsClear = true
    var lastPreviewSignature: Int?
    var answerCache = AnswerLayoutCache()
    var pendingTerminalBytes: [UInt8] = []

    init(state: AppState, services: AppServices, options: Options) {
        self.state = state
        self.services = services
        self.options = options
        cache = PreviewCache(service: services.previews)
    }

    /// Runs the TUI on a dedicated thread until the person quits; the terminal is restored on every path out.
    /// Review decisions that could not be saved are an error once the terminal is back.
    public static func run(state: AppState, services: AppServices, options: Options) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let thread = Thread {
                let app = TUIApp(state: state, services: services, options: options)
                do {
                    try app.main()
                    let unsaved = app.unsavedReviews.all
                    if let first = unsaved.first {
                        continuation.resume(throwing: TUIError.unsaved(count: unsaved.count, reason: first))
                    } else {
                        continuation.resume()
                    }
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = "squint-curses"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    func main() throws {
        SignalRelay.install()
        defer { SignalRelay.uninstall() }
        do {
            screen = try Screen()
        } catch {
            throw error
        }
        defer { shutdown() }
        let theme = options.themes.isEmpty ? Theme(name: "plain", styles: [:], palette: []) : options.themes[state.themeIndex]
        styles = StyleTable(theme: options.noColor ? theme.withoutColor() : theme, pairs: ColorPairs(enabled: true))
        state.terminalColors = options.noColor ? .monochrome : styles.pairs.terminalColors
        state.unicodeGlyphs = Screen.localeIsUTF8()
        state.size = screen.layout.size
        state.now = TUIApp.monotonic()
        perform(state.startEffects)
        loop()
    }

    func shutdown() {
        finishReviewWrites()
        finishRequests()
        pictureTask?.cancel()
        prefetch?.cancel()
        let tail = presenter.onTerminal ?? []
        screen.end()
        writeToTerminal(tail + Array("\u{1B}[?25h\u{1B}[0m".utf8))
        inbox.close()
    }

    /// Blocks this (curses) thread until every review decision is in the store: `x` then `q` must not lose the `x`.
    func finishReviewWrites() {
        guard let writes = reviewWrites else { return }
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            await writes.value
            done.signal()
        }
        // The store waits up to 10 s for a lock; give it that and a little more before calling it lost.
        if done.wait(timeout: .now() + 15) == .timedOut { unsavedReviews.add("the store did not answer in time (locked?)") }
    }

    func forgetRequest(_ id: Int) {
        requests[id] = nil
        runs[id] = nil
    }

    /// Cancels running questions and waits (a few seconds at most) for the pipeline to save what arrived.
    func finishRequests() {
        for run in runs.values { run.cancel() }
        batchRun?.run.cancel()
        let tasks = Array(requests.values) + (batchRun.map { [$0.reader] } ?? [])
        guard !tasks.isEmpty else { return }
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            for task in tasks { await task.value }
            done.signal()
        }
        _ = done.wait(timeout: .now() + 5)
    }

    static func monotonic() -> Double { Monotonic.seconds() }

    // MARK: the loop

    func loop() {
        render()
        while running {
            var fds = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: SignalRelay.readFD, events: Int16(POLLIN), revents: 0),
                pollfd(fd: inbox.wakeReadFD, events: Int16(POLLIN), revents: 0),
            ]
            // A batch's line refreshes on its events and on the idle second (rate, time left).
            let timeout: Int32 = state.request != nil || pictureTask != nil ? 100 : 1000
            let ready = poll(&fds, nfds_t(fds.count), timeout)
            if ready < 0 && errno != EINTR { break }
            handleSignals(SignalRelay.drain())
            if fds[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                if fds[0].revents & Int16(POLLHUP | POLLERR) != 0 && fds[0].revents & Int16(POLLIN) == 0 {
                    // The terminal went away.
                    dispatch(.terminate)
                }
                readInput()
            }
            for message in inbox.take() { receive(message) }
            if state.request != nil || state.batch?.isRunning == true { dispatch(.tick(TUIApp.monotonic())) }
            if running { render() }
        }
    }

    func handleSignals(_ signals: [Int32]) {
        for sig in signals {
            if sig == SIGWINCH {
                let size = screen.resize()
                present(.resized)
                previewNeedsClear = true
                lastPreviewSignature = nil
                dispatch(.resize(size))
            } else {
                dispatch(.terminate)
            }
        }
    }

    func dispatch(_ event: AppEvent) {
        state.now = TUIApp.monotonic()
        let effects = state.apply(event)
        perform(effects)
    }

    func receive(_ message: Inbox.Message) {
        switch message {
        case .app(let event):
            // A question's last event: its task and run are done with.
            if case .answerFinished(let id, _, _, _) = event { forgetRequest(id) }
            if case .answerFailed(let id, _, _) = event { forgetRequest(id) }
            if case .batchEnded(let id) = event, batchRun?.id == id { batchRun = nil }
            dispatch(event)
        case .batchPlanned(let id, let plan):
            batchPlans[id] = plan
            dispatch(.batchPlanned(id: id, todo: plan.todo.count, alreadyAnswered: plan.done + plan.waiting, problems: plan.problems))
        case .picture(let key, let box):
            received(picture: box, for: key)
        case .answerLines(let key, let lines):
            answerLaidOut(key, lines: lines)
        case .pictureFailed(let key, let message):
            receivedFailure(message, for: key)
        }
    }

    func writeToTerminal(_ text: String) { writeToTerminal(Array(text.utf8)) }

    func writeToTerminal(_ bytes: [UInt8]) {
        FileDescriptorWriting.writeAll(bytes, to: STDOUT_FILENO, retryingWouldBlock: true)
    }
}
