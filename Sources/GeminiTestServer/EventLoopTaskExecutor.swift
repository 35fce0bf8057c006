import NIOCore

/// Runs the fake server's tasks on a NIO event loop thread instead of Swift's cooperative pool.
///
/// The pool has one thread per core, and a test suite running in parallel fills it with synchronous work
/// (decoding images, waiting for processes). A server whose replies waited for those threads answered a
/// client in the same process seconds late on a loaded 2-core machine, and tests timed out. The event loop
/// thread is the server's own.
@available(macOS 15.0, *)
final class EventLoopTaskExecutor: TaskExecutor {
    private let loop: any EventLoop

    init(_ loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        loop.execute { job.runSynchronously(on: executor) }
    }
}
