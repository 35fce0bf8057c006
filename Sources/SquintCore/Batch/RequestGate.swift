/// The `ConcurrencyGovernor` shared by a batch's workers: `acquire` suspends until the governor lets a request
/// start (a slot frees, or the per-minute window moves on), first come first served.
actor RequestGate {
    private var governor: ConcurrencyGovernor
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private let clock = ContinuousClock()

    init(_ governor: ConcurrencyGovernor) {
        self.governor = governor
    }

    var limit: Int { governor.limit }

    /// Takes a slot; throws `CancellationError` when the batch is stopped while waiting.
    func acquire() async throws {
        while true {
            try Task.checkCancellation()
            switch governor.requestSlot(at: clock.now) {
            case .start:
                return
            case .wait(let until):
                try await clock.sleep(until: until)
            case .full:
                await withTaskCancellationHandler {
                    await withCheckedContinuation { waiters.append($0) }
                } onCancel: {
                    Task { await self.wakeAll() }
                }
            }
        }
    }

    /// Gives the slot back.
    func release(succeeded: Bool) {
        governor.finished(at: clock.now, succeeded: succeeded)
        wakeAll()
    }

    /// A 429 was seen; returns the new limit when it was lowered.
    func rateLimited(retryDelay: Duration?) -> Int? {
        governor.rateLimited(at: clock.now, retryDelay: retryDelay)
    }

    /// Every waiter asks again (the first ones in line get the free slots).
    func wakeAll() {
        let woken = waiters
        waiters.removeAll()
        for waiter in woken { waiter.resume() }
    }
}
