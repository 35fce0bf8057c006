import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// An in-process fake of the Gemini v1beta REST API on 127.0.0.1 and an ephemeral port, speaking the real wire
/// format (SSE framing, `google.rpc.Status` errors, the resumable upload protocol) and scriptable per test.
///
/// Every route answers sensibly by default (a short answer, the default model list, a working Files API, a Batch
/// API whose jobs finish after a poll or two); `enqueue` scripts the next replies of a route, first in first out.
/// Every request is recorded with its exact headers and body bytes. Batch knobs are in `FakeGeminiServer+Batches`,
/// latency, in-flight counts and rate limits in `FakeGeminiServer+Load`.
///
/// ```swift
/// let server = try await FakeGeminiServer.start(apiKey: "test-key")
/// server.enqueue(.rateLimited(retryDelay: "1s"), for: .streamGenerateContent)
/// server.enqueue(.streamedAnswer(["Two ", "cats."]), for: .streamGenerateContent)
/// // ... point the client at server.baseURL ...
/// try await server.stop()
/// ```
public final class FakeGeminiServer: Sendable {
    /// `http://127.0.0.1:PORT`, without a trailing slash or version; the client appends `/v1beta/...`.
    public let baseURL: String
    public let port: Int
    /// When set, every request except upload chunks must carry this `x-goog-api-key`.
    public let apiKey: String?

    let state: ServerState
    private let serverChannel: Channel
    private let acceptTask: Task<Void, Never>

    private init(port: Int, apiKey: String?, state: ServerState, serverChannel: Channel, acceptTask: Task<Void, Never>) {
        self.port = port
        self.baseURL = "http://127.0.0.1:\(port)"
        self.apiKey = apiKey
        self.state = state
        self.serverChannel = serverChannel
        self.acceptTask = acceptTask
    }

    /// Binds 127.0.0.1 on a free port and starts answering.
    /// - Parameter apiKey: when set, a request without this `x-goog-api-key` gets the service's own errors
    ///   (403 PERMISSION_DENIED when missing, 400 INVALID_ARGUMENT / API_KEY_INVALID when wrong).
    public static func start(apiKey: String? = nil) async throws -> FakeGeminiServer {
        let state = ServerState()
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                        wrappingChannelSynchronously: channel)
                }
            }
        let port = listener.channel.localAddress?.port ?? 0
        let base = "http://127.0.0.1:\(port)"
        let responder = Responder(state: state, baseURL: base, apiKey: apiKey)
        let accept: @Sendable () async -> Void = {
            await withDiscardingTaskGroup { group in
                try? await listener.executeThenClose { connections in
                    for try await connection in connections {
                        group.addTask { await responder.serve(connection) }
                    }
                }
                group.cancelAll()
            }
        }
        // Every task of the server (child tasks inherit the preference) runs on the listener's event loop.
        let acceptTask: Task<Void, Never>
        if #available(macOS 15.0, *) {
            acceptTask = Task(executorPreference: EventLoopTaskExecutor(listener.channel.eventLoop)) { await accept() }
        } else {
            acceptTask = Task { await accept() }
        }
        return FakeGeminiServer(port: port, apiKey: apiKey, state: state, serverChannel: listener.channel,
                                acceptTask: acceptTask)
    }

    /// Closes the listener and every open connection (pending pauses end at once).
    public func stop() async throws {
        try? await serverChannel.close()
        acceptTask.cancel()
        await acceptTask.value
    }

    // MARK: Scripting

    /// Queues replies for the next requests on `route`, answered first in first out before the default.
    public func enqueue(_ reply: FakeReply, for route: FakeRoute) { state.enqueue([reply], for: route) }
    public func enqueue(_ replies: [FakeReply], for route: FakeRoute) { state.enqueue(replies, for: route) }

    /// Replaces what `route` answers when its queue is empty; nil restores the built-in behaviour.
    public func setDefault(_ reply: FakeReply?, for route: FakeRoute) { state.setDefault(reply, for: route) }

    /// Scripted replies not yet used on `route`.
    public func pendingReplies(for route: FakeRoute) -> Int { state.pendingReplies(for: route) }

    /// The models `models.list` and `models.get` know.
    public func setModels(_ models: [FakeModel]) { state.withLock { $0.models = models } }

    /// Upload chunk responses (counted from 1 over every chunk request, resends included) sent WITHOUT the
    /// `x-goog-upload-status` header, as the upload backend sometimes does.
    public func omitUploadStatus(onChunkResponses numbers: Set<Int>) {
        state.withLock { $0.omittedStatusChunks = numbers }
    }

    /// Files uploaded after this call stay PROCESSING for `polls` `files.get` answers, then become `outcome`.
    public func setFileProcessing(polls: Int, then outcome: FakeFile.State = .active) {
        state.withLock { $0.processingPolls = polls; $0.processingOutcome = outcome }
    }

    /// Makes the upload start answer an `x-goog-upload-url` on another origin (e.g. the real service's), to test
    /// that a client rewrites it onto its configured base URL. The path and query stay the fake's.
    public func setUploadURLBase(_ base: String?) { state.withLock { $0.uploadURLBase = base } }

    /// Adds a file to the Files API, as if uploaded earlier. Returns it with its URI filled in.
    @discardableResult
    public func seedFile(displayName: String = "", mimeType: String = "image/png", sizeBytes: Int = 1024,
                         state fileState: FakeFile.State = .active) -> FakeFile {
        state.withLock { state in
            let id = state.nextID("seeded")
            let file = FakeFile(name: "files/\(id)", displayName: displayName, mimeType: mimeType,
                                sizeBytes: sizeBytes, state: fileState, uri: "\(baseURL)/v1beta/files/\(id)")
            state.files.append(file)
            return file
        }
    }

    // MARK: Inspecting

    /// Every request received so far, in arrival order.
    public var requests: [RecordedRequest] { state.requests }

    /// The requests received on `route`.
    public func requests(for route: FakeRoute) -> [RecordedRequest] { state.requests.filter { $0.route == route } }

    /// The files the Files API holds now (uploaded bytes included).
    public var files: [FakeFile] { state.withLock { $0.files } }

    /// Connections open right now; drops to 0 once a client has closed a cancelled stream.
    public var openConnections: Int { state.withLock { $0.openConnections } }

    /// Connections accepted since start.
    public var acceptedConnections: Int { state.withLock { $0.acceptedConnections } }

    /// Waits until `condition` holds, checking every 10 ms; false after `timeout`. For tests that must wait for a
    /// request to arrive or a connection to close, without guessing a sleep. The default is generous: on a
    /// loaded 2-core CI machine the client's task can wait seconds for a cooperative thread, and a passing
    /// test returns as soon as the condition holds anyway.
    public func wait(timeout: Duration = .seconds(60),
                     until condition: @Sendable (FakeGeminiServer) -> Bool) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if condition(self) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition(self)
    }
}
