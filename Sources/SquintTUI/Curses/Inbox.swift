import Foundation
import SquintCore

/// Where background work posts events for the curses thread.
///
/// Tasks yield into an `AsyncStream`; one task drains it into a locked queue and writes a byte to a wake-up
/// pipe, which the event loop polls together with stdin and the signal pipe — so the loop sleeps in `poll`
/// and nothing ever touches curses off its thread.
final class Inbox: Sendable {
    enum Message: Sendable {
        case app(AppEvent)
        case picture(PictureKey, PictureBox)
        case pictureFailed(PictureKey, String)
        /// The answer pane's lines, laid out off the curses thread.
        case answerLines(AnswerLayoutCache.Key, [StyledLine])
        /// A batch's plan: the loop keeps it until the state starts (or drops) the batch.
        case batchPlanned(id: Int, BatchPlan)
    }

    let continuation: AsyncStream<Message>.Continuation
    private let queue = LockedQueue()
    let wakeReadFD: Int32
    private let wakeWriteFD: Int32
    private let pump: Task<Void, Never>

    init() {
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        wakeReadFD = fds[0]
        wakeWriteFD = fds[1]
        _ = fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK)
        _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        let (stream, continuation) = AsyncStream.makeStream(of: Message.self)
        self.continuation = continuation
        let queue = self.queue, writeFD = fds[1]
        pump = Task.detached {
            for await message in stream {
                queue.push(message)
                var byte: UInt8 = 1
                _ = write(writeFD, &byte, 1)
            }
        }
    }

    func post(_ event: AppEvent) { continuation.yield(.app(event)) }
    func post(_ message: Message) { continuation.yield(message) }

    /// Everything posted so far, oldest first; empties the wake-up pipe too.
    func take() -> [Message] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(wakeReadFD, &buffer, buffer.count) > 0 {}
        return queue.takeAll()
    }

    func close() {
        continuation.finish()
        pump.cancel()
        Foundation.close(wakeReadFD)
        Foundation.close(wakeWriteFD)
    }
}

/// A mutex-protected array handed between the pump task and the curses thread.
final class LockedQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Inbox.Message] = []
    func push(_ item: Inbox.Message) { lock.lock(); items.append(item); lock.unlock() }
    func takeAll() -> [Inbox.Message] {
        lock.lock(); defer { lock.unlock() }
        let all = items
        items = []
        return all
    }
}
