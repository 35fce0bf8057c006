import Foundation
import GeminiAPI

/// `squint batch --via live` and the TUI's run over a folder: every image of a plan through the one ask
/// pipeline, each answer stored as it lands.
///
/// Two stages, both bounded. Preparation (read, decode, orient, downscale, encode) runs on Dispatch threads,
/// `preparers` at a time, ahead of the network; requests go out through a `RequestGate`, at most
/// `spec.concurrency` in flight (fewer for a while after a 429). At most `concurrency + 2 × preparers` images
/// are held at once, however large the folder, so memory stays flat. Stopping the run (Ctrl-C, Esc) cancels
/// the requests in flight — the pipeline keeps what they got, marked incomplete — and everything finished
/// before is already in the store.
public struct LiveBatch: Sendable {
    public var pipeline: AskPipeline
    /// How many images are prepared at once: one per core.
    public var preparers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    public init(pipeline: AskPipeline) {
        self.pipeline = pipeline
    }

    /// A running batch; its stream ends when every image is finished or the run is cancelled.
    public struct Run: Sendable {
        public let events: AsyncStream<BatchEvent>
        let task: Task<Void, Never>
        public func cancel() { task.cancel() }
    }

    public func start(_ plan: BatchPlan) -> Run {
        let (stream, continuation) = AsyncStream.makeStream(of: BatchEvent.self)
        let batch = self
        let task = Task {
            await batch.run(plan.todo, spec: plan.spec) { continuation.yield($0) }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return Run(events: stream, task: task)
    }

    /// Asks about `paths`, handing every event to `emit`; returns when all are finished or the task is cancelled.
    public func run(_ paths: [String], spec: BatchSpec, emit: @escaping @Sendable (BatchEvent) -> Void) async {
        let requests = RequestGate(ConcurrencyGovernor(ceiling: spec.concurrency, requestsPerMinute: spec.requestsPerMinute))
        let preparing = RequestGate(ConcurrencyGovernor(ceiling: preparers))
        let window = max(1, spec.concurrency) + 2 * preparers
        await withTaskGroup(of: Void.self) { group in
            var alive = 0
            for path in paths {
                if Task.isCancelled { break }
                if alive >= window {
                    await group.next()
                    alive -= 1
                }
                alive += 1
                group.addTask {
                    await self.ask(path, spec: spec, requests: requests, preparing: preparing, emit: emit)
                }
            }
        }
    }

    private func ask(_ path: String, spec: BatchSpec, requests: RequestGate, preparing: RequestGate,
                     emit: @escaping @Sendable (BatchEvent) -> Void) async {
        let question = spec.question(for: path)
        let pipeline = self.pipeline
        let prepared: AskPipeline.PreparedQuestion
        do {
            try await preparing.acquire()
            let result: Result<AskPipeline.PreparedQuestion, any Error>
            do { result = .success(try await OffPool.run { try pipeline.prepare(question) }) } catch { result = .failure(error) }
            await preparing.release(succeeded: true)
            prepared = try result.get()
        } catch {
            if Task.isCancelled || error is CancellationError { return }
            emit(.finished(.failed(path: path, failure: AskFailure(error: error, outcome: nil))))
            return
        }
        do {
            try await requests.acquire()
        } catch {
            return
        }
        emit(.asking(path: path))
        let event = await pipeline.perform(prepared, question: question) { event in
            guard case .retrying(let attempt, let delay, let error) = event else { return }
            emit(.retrying(path: path, attempt: attempt, delay: delay, error: error))
            if error.httpStatus == 429 {
                Task { if let limit = await requests.rateLimited(retryDelay: delay) { emit(.concurrencyLowered(to: limit)) } }
            }
        }
        switch event {
        case .finished(let outcome):
            await requests.release(succeeded: true)
            emit(.finished(.answered(path: path, outcome: outcome)))
        case .failed(let failure):
            if let error = failure.error as? GeminiError, error.httpStatus == 429,
               let limit = await requests.rateLimited(retryDelay: nil) {
                emit(.concurrencyLowered(to: limit))
            }
            await requests.release(succeeded: false)
            // A stopped run's requests are not failures: they are asked about again next time.
            if !failure.isCancellation, !Task.isCancelled { emit(.finished(.failed(path: path, failure: failure))) }
        default:
            await requests.release(succeeded: false)
        }
    }
}
