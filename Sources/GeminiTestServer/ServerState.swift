import Foundation

/// Everything a running fake server remembers, behind one lock: connections run on NIO threads while tests
/// script and inspect from theirs.
final class ServerState: @unchecked Sendable {
    struct UploadSession {
        var displayName: String
        var mimeType: String
        var declaredLength: Int?
        var received: [UInt8] = []
    }

    private let lock = NSLock()
    private var queues: [FakeRoute: [FakeReply]] = [:]
    private var defaults: [FakeRoute: FakeReply] = [:]
    private var recorded: [RecordedRequest] = []
    var models: [FakeModel] = FakeModel.defaults
    var files: [FakeFile] = []
    var uploads: [String: UploadSession] = [:]
    var omittedStatusChunks: Set<Int> = []
    var chunkResponses = 0
    var processingPolls = 0
    var processingOutcome: FakeFile.State = .active
    var uploadURLBase: String?
    var batches: [FakeBatch] = []
    var batchPollsUntilDone = 2
    var batchOutcome: FakeBatch.Outcome = .succeeded
    var batchOutputPlacement: FakeBatch.OutputPlacement = .responseAndMetadata
    var batchStateSpelling: FakeBatch.StateSpelling = .batchState
    var batchDroppedKeys: Set<String> = []
    var batchReplies: [String: [FakeReply]] = [:]
    /// Pages outside the API (`/pictures/cat.jpg`), for fetching images by URL.
    var webPages: [String: FakeReply] = [:]
    var refusesURLFetches = false
    /// Thinking levels the "model" refuses with a 400, as a model answers a level it does not take.
    var refusedThinkingLevels: Set<String> = []
    var responseDelay: Duration?
    var rateLimit: (requests: Int, per: Duration)?
    var concurrencyLimit: Int?
    var generateInFlight = 0
    var maxGenerateInFlight = 0
    var generateArrivals: [ContinuousClock.Instant] = []
    var limitedRequests = 0
    private var counter = 0
    private(set) var openConnections = 0
    private(set) var acceptedConnections = 0

    func withLock<T>(_ body: (ServerState) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(self)
    }

    func enqueue(_ replies: [FakeReply], for route: FakeRoute) {
        withLock { $0.queues[route, default: []].append(contentsOf: replies) }
    }

    func setDefault(_ reply: FakeReply?, for route: FakeRoute) {
        withLock { $0.defaults[route] = reply }
    }

    /// The next scripted reply for `route`: the queue first, then the route's default; nil means built-in.
    func scriptedReply(for route: FakeRoute) -> FakeReply? {
        withLock { state in
            if var queue = state.queues[route], !queue.isEmpty {
                let reply = queue.removeFirst()
                state.queues[route] = queue
                return reply
            }
            return state.defaults[route]
        }
    }

    func pendingReplies(for route: FakeRoute) -> Int { withLock { $0.queues[route]?.count ?? 0 } }

    func record(_ request: RecordedRequest) { withLock { $0.recorded.append(request) } }
    var requests: [RecordedRequest] { withLock { $0.recorded } }

    func connectionOpened() { withLock { $0.openConnections += 1; $0.acceptedConnections += 1 } }
    func connectionClosed() { withLock { $0.openConnections -= 1 } }

    /// A fresh id, unique within this server (caller holds the lock).
    func nextID(_ prefix: String) -> String {
        counter += 1
        return "\(prefix)\(counter)"
    }
}
