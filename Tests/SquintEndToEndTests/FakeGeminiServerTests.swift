import Foundation
import GeminiTestServer
import Testing

/// The fake server's own wire bytes, read through a raw socket so no HTTP library can hide a framing mistake.
@Suite struct FakeGeminiServerTests {
    static let streamPath = "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"

    func json(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    /// The server's tasks run on its own event loop thread, so it answers (pauses between chunks included)
    /// while every thread of Swift's cooperative pool is busy with a parallel test's synchronous work.
    @Test func answersWhileTheCooperativePoolIsBlocked() async throws {
        try await withFakeServer { server in
            server.enqueue(.streamedAnswer(["Two ", "cats."], delay: .milliseconds(50)), for: .streamGenerateContent)
            let answered = DispatchSemaphore(value: 0)
            let blockers = max(2, ProcessInfo.processInfo.activeProcessorCount)
            let outcome = Outcome()
            Thread {
                outcome.set(Result { try RawHTTP.requestBlocking(port: server.port, method: "POST", path: Self.streamPath, body: Array("{}".utf8)) })
                for _ in 0..<blockers { answered.signal() }
            }.start()
            // Occupy every pool thread until the answer is in (or 15 s pass).
            let inTime = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<blockers { group.addTask { answered.wait(timeout: .now() + 15) == .success } }
                return await group.reduce(true) { $0 && $1 }
            }
            #expect(inTime, "the server needed a cooperative thread to answer")
            let response = try #require(try outcome.value?.get())
            #expect(response.status == 200 && response.complete && response.chunks.count == 2)
        }
    }

    @Test(arguments: [(SSEFraming.lf, "\n\n"), (.crlf, "\r\n\r\n"), (.cr, "\r\r")])
    func streamedAnswerUsesTheFramingAndOneChunkPerEvent(framing: SSEFraming, separator: String) async throws {
        try await withFakeServer { server in
            server.enqueue(.streamedAnswer(["Two ", "cats."], framing: framing), for: .streamGenerateContent)
            let response = try await RawHTTP.request(port: server.port, method: "POST", path: Self.streamPath, body: Array("{}".utf8))
            #expect(response.status == 200)
            #expect(response.header("content-type") == "text/event-stream")
            #expect(response.complete)
            #expect(response.chunks.count == 2)
            var usage: [Int] = []
            var texts: [String] = []
            for chunk in response.chunks {
                let text = String(decoding: chunk, as: UTF8.self)
                #expect(text.hasPrefix("data: {"))
                #expect(text.hasSuffix("}" + separator))
                let event = try json(Array(text.dropFirst(6).dropLast(separator.count).utf8))
                let candidate = try #require((event["candidates"] as? [[String: Any]])?.first)
                let part = try #require(((candidate["content"] as? [String: Any])?["parts"] as? [[String: Any]])?.first)
                texts.append(try #require(part["text"] as? String))
                usage.append(try #require((event["usageMetadata"] as? [String: Any])?["totalTokenCount"] as? Int))
                #expect(event["modelVersion"] as? String == "gemini-2.5-flash")
            }
            #expect(texts == ["Two ", "cats."])
            #expect(usage[1] >= usage[0])
            #expect(String(decoding: response.chunks[1], as: UTF8.self).contains("\"finishReason\":\"STOP\""))
            #expect(!String(decoding: response.chunks[0], as: UTF8.self).contains("finishReason"))
            #expect(server.requests(for: .streamGenerateContent).first?.query["alt"] == "sse")
        }
    }

    @Test func multilineEventsAndEmptyFinalChunk() async throws {
        try await withFakeServer { server in
            server.enqueue(.sse([.multilineEvent(["{\"a\":", "1}"])], framing: .lf), for: .streamGenerateContent)
            server.enqueue(.streamedAnswer(["Hi"], emptyFinalChunk: true), for: .streamGenerateContent)
            let multi = try await RawHTTP.request(port: server.port, method: "POST", path: Self.streamPath)
            #expect(multi.bodyText == "data: {\"a\":\ndata: 1}\n\n")
            let final = try await RawHTTP.request(port: server.port, method: "POST", path: Self.streamPath)
            #expect(final.chunks.count == 2)
            let last = String(decoding: final.chunks[1], as: UTF8.self)
            #expect(last.contains("\"content\":{\"role\":\"model\"}"))
            #expect(last.contains("\"finishReason\":\"STOP\""))
        }
    }

    @Test func rateLimitCarriesRetryInfoQuotaFailureAndRetryAfter() async throws {
        try await withFakeServer { server in
            server.enqueue(.rateLimited(retryDelay: "2s", retryAfter: "3"), for: .generateContent)
            let response = try await RawHTTP.request(port: server.port, method: "POST",
                                                  path: "/v1beta/models/gemini-2.5-flash:generateContent")
            #expect(response.status == 429)
            #expect(response.header("retry-after") == "3")
            #expect(response.bodyText.hasPrefix("{\n  \"error\": {\n    \"code\": 429,"))
            let error = try #require(try json(response.body)["error"] as? [String: Any])
            #expect(error["status"] as? String == "RESOURCE_EXHAUSTED")
            let details = try #require(error["details"] as? [[String: Any]])
            let retry = try #require(details.first { $0["@type"] as? String == "type.googleapis.com/google.rpc.RetryInfo" })
            #expect(retry["retryDelay"] as? String == "2s")
            #expect(details.contains { $0["@type"] as? String == "type.googleapis.com/google.rpc.QuotaFailure" })
        }
    }

    @Test func midStreamBareErrorAfter200() async throws {
        try await withFakeServer { server in
            server.enqueue(.streamedAnswer(["Partial "], finishReason: nil, tail: [.bareError(code: 503, message: "overloaded", status: "UNAVAILABLE")]),
                           for: .streamGenerateContent)
            let response = try await RawHTTP.request(port: server.port, method: "POST", path: Self.streamPath)
            #expect(response.status == 200)
            #expect(response.complete)
            let last = String(decoding: try #require(response.chunks.last), as: UTF8.self)
            #expect(last.hasPrefix("{\n  \"error\": {\n    \"code\": 503,"))
            #expect(!last.contains("data:"))
        }
    }

    @Test func droppedConnectionLeavesTheChunkedBodyUnterminated() async throws {
        try await withFakeServer { server in
            server.enqueue(.streamedAnswer(["One ", "two ", "three"], tail: []), for: .streamGenerateContent)
            server.enqueue(.sse(GeminiChunks.answerEvents(["One ", "two "], finishReason: nil) + [.drop]), for: .streamGenerateContent)
            let whole = try await RawHTTP.request(port: server.port, method: "POST", path: Self.streamPath)
            #expect(whole.complete)
            let torn = try await RawHTTP.request(port: server.port, method: "POST", path: Self.streamPath)
            #expect(torn.chunks.count == 2)
            #expect(!torn.complete)
        }
    }

    @Test func blockedPromptHasNoCandidates() async throws {
        try await withFakeServer { server in
            server.enqueue(.blocked(), for: .generateContent)
            let response = try await RawHTTP.request(port: server.port, method: "POST",
                                                  path: "/v1beta/models/gemini-2.5-flash:generateContent")
            let body = try json(response.body)
            #expect(body["candidates"] == nil)
            #expect((body["promptFeedback"] as? [String: Any])?["blockReason"] as? String == "SAFETY")
        }
    }

    @Test func errorStatusWithEventStreamContentType() async throws {
        try await withFakeServer { server in
            server.enqueue(.errorAsEventStream(status: 500), for: .streamGenerateContent)
            let response = try await RawHTTP.request(port: server.port, method: "POST", path: Self.streamPath)
            #expect(response.status == 500)
            #expect(response.header("content-type") == "text/event-stream")
            #expect((try json(response.body)["error"] as? [String: Any])?["code"] as? Int == 500)
        }
    }

    @Test func apiKeyIsChecked() async throws {
        try await withFakeServer("right-key") { server in
            let path = "/v1beta/models"
            let missing = try await RawHTTP.request(port: server.port, method: "GET", path: path)
            let wrong = try await RawHTTP.request(port: server.port, method: "GET", path: path, headers: [("x-goog-api-key", "nope")])
            let right = try await RawHTTP.request(port: server.port, method: "GET", path: path, headers: [("x-goog-api-key", "right-key")])
            #expect(missing.status == 403)
            #expect(wrong.status == 400)
            #expect(wrong.bodyText.contains("API_KEY_INVALID"))
            #expect(right.status == 200)
            #expect(server.requests.count == 3)
            #expect(server.requests[2].header("X-Goog-Api-Key") == "right-key")
        }
    }

    @Test func replyCanQuoteTheRequestKey() async throws {
        try await withFakeServer { server in
            server.enqueue(.quotingAPIKey(), for: .generateContent)
            let response = try await RawHTTP.request(port: server.port, method: "POST",
                                                  path: "/v1beta/models/m:generateContent",
                                                  headers: [("x-goog-api-key", "SECRET-123")])
            #expect(response.status == 400)
            #expect(response.bodyText.contains("SECRET-123"))
            #expect(!response.bodyText.contains(FakeReply.apiKeyPlaceholder))
        }
    }

    @Test func scriptedRepliesAreFirstInFirstOutThenTheDefault() async throws {
        try await withFakeServer { server in
            server.enqueue([.serverError(503), .serverError(500)], for: .generateContent)
            server.enqueue(.dynamic { request in .text("saw \(request.resource ?? "")", status: 418) }, for: .generateContent)
            let path = "/v1beta/models/gemini-2.5-pro%3AgenerateContent"
            var statuses: [Int] = []
            for _ in 0..<4 { statuses.append(try await RawHTTP.request(port: server.port, method: "POST", path: path).status) }
            #expect(statuses == [503, 500, 418, 200])
            #expect(server.requests(for: .generateContent).map(\.resource) == Array(repeating: "gemini-2.5-pro", count: 4))
            #expect(server.pendingReplies(for: .generateContent) == 0)
        }
    }

    @Test func modelsArePagedAndUnknownModelsAre404() async throws {
        try await withFakeServer { server in
            let first = try json(try await RawHTTP.request(port: server.port, method: "GET", path: "/v1beta/models?pageSize=4").body)
            #expect((first["models"] as? [Any])?.count == 4)
            let token = try #require(first["nextPageToken"] as? String)
            let second = try json(try await RawHTTP.request(port: server.port, method: "GET", path: "/v1beta/models?pageSize=4&pageToken=\(token)").body)
            #expect((second["models"] as? [Any])?.count == FakeModel.defaults.count - 4)
            #expect(second["nextPageToken"] == nil)
            let missing = try await RawHTTP.request(port: server.port, method: "GET", path: "/v1beta/models/nope")
            #expect(missing.status == 404)
            let unknown = try await RawHTTP.request(port: server.port, method: "GET", path: "/v2/whatever")
            #expect(unknown.status == 404)
        }
    }

    @Test func resumableUploadWithAMissingStatusHeaderAndProcessingFile() async throws {
        try await withFakeServer("k") { server in
            server.omitUploadStatus(onChunkResponses: [2])
            server.setFileProcessing(polls: 2)
            let payload = (0..<300).map { UInt8($0 % 251) }
            let start = try await RawHTTP.request(port: server.port, method: "POST", path: "/upload/v1beta/files", headers: [
                ("x-goog-api-key", "k"), ("X-Goog-Upload-Protocol", "resumable"), ("X-Goog-Upload-Command", "start"),
                ("X-Goog-Upload-Header-Content-Length", "300"), ("X-Goog-Upload-Header-Content-Type", "image/png"),
                ("Content-Type", "application/json"),
            ], body: Array(#"{"file": {"display_name": "cat.png"}}"#.utf8))
            #expect(start.header("x-goog-upload-status") == "active")
            let url = try #require(start.header("x-goog-upload-url"))
            #expect(url.hasPrefix(server.baseURL + "/upload/v1beta/files?upload_id="))
            let path = String(url.dropFirst(server.baseURL.count))
            func chunk(_ range: Range<Int>, _ command: String) async throws -> RawHTTP.Response {
                try await RawHTTP.request(port: server.port, method: "POST", path: path, headers: [
                    ("X-Goog-Upload-Command", command), ("X-Goog-Upload-Offset", String(range.lowerBound)),
                ], body: Array(payload[range]))
            }
            #expect(try await chunk(0..<100, "upload").header("x-goog-upload-status") == "active")
            #expect(try await chunk(100..<200, "upload").header("x-goog-upload-status") == nil)
            #expect(try await chunk(100..<200, "upload").header("x-goog-upload-status") == "active")
            let final = try await chunk(200..<300, "upload, finalize")
            #expect(final.header("x-goog-upload-status") == "final")
            let file = try #require(try json(final.body)["file"] as? [String: Any])
            #expect(file["state"] as? String == "PROCESSING")
            #expect(file["sizeBytes"] as? String == "300")
            #expect(file["displayName"] as? String == "cat.png")
            #expect(file["mimeType"] as? String == "image/png")
            #expect(server.files.first?.bytes == payload)
            let name = try #require(file["name"] as? String)
            var states: [String] = []
            for _ in 0..<3 {
                let got = try await RawHTTP.request(port: server.port, method: "GET", path: "/v1beta/\(name)", headers: [("x-goog-api-key", "k")])
                states.append(try json(got.body)["state"] as? String ?? "?")
            }
            #expect(states == ["PROCESSING", "PROCESSING", "ACTIVE"])
            let listed = try json(try await RawHTTP.request(port: server.port, method: "GET", path: "/v1beta/files", headers: [("x-goog-api-key", "k")]).body)
            #expect((listed["files"] as? [Any])?.count == 1)
            let deleted = try await RawHTTP.request(port: server.port, method: "DELETE", path: "/v1beta/\(name)", headers: [("x-goog-api-key", "k")])
            #expect(deleted.status == 200)
            #expect(server.files.isEmpty)
            let empty = try await RawHTTP.request(port: server.port, method: "GET", path: "/v1beta/files", headers: [("x-goog-api-key", "k")])
            #expect(empty.bodyText == "{}")
        }
    }

    @Test func failedProcessingReportsFailed() async throws {
        try await withFakeServer { server in
            let file = server.seedFile(displayName: "x", state: .active)
            server.setFileProcessing(polls: 1, then: .failed)
            #expect(file.uri == "\(server.baseURL)/v1beta/\(file.name)")
            server.setUploadURLBase("https://generativelanguage.googleapis.com")
            let start = try await RawHTTP.request(port: server.port, method: "POST", path: "/upload/v1beta/files", headers: [
                ("X-Goog-Upload-Protocol", "resumable"), ("X-Goog-Upload-Command", "start"),
            ])
            let url = try #require(start.header("x-goog-upload-url"))
            #expect(url.hasPrefix("https://generativelanguage.googleapis.com/upload/v1beta/files?upload_id="))
            let path = String(url.dropFirst("https://generativelanguage.googleapis.com".count))
            let final = try await RawHTTP.request(port: server.port, method: "POST", path: path, headers: [
                ("X-Goog-Upload-Command", "upload, finalize"), ("X-Goog-Upload-Offset", "0"),
            ], body: [1, 2, 3])
            let name = try #require((try json(final.body)["file"] as? [String: Any])?["name"] as? String)
            _ = try await RawHTTP.request(port: server.port, method: "GET", path: "/v1beta/\(name)")
            let failed = try json(try await RawHTTP.request(port: server.port, method: "GET", path: "/v1beta/\(name)").body)
            #expect(failed["state"] as? String == "FAILED")
            #expect(failed["error"] != nil)
        }
    }

    @Test func aClientClosingAPausedStreamClosesTheServerSide() async throws {
        try await withFakeServer { server in
            server.enqueue(.streamedAnswer(["first", "never"], delay: .seconds(3600)), for: .streamGenerateContent)
            let response = try await RawHTTP.request(port: server.port, method: "POST", path: Self.streamPath, stopAfter: "first")
            #expect(response.bodyText.contains("first"))
            #expect(!response.bodyText.contains("never"))
            #expect(await server.wait { $0.openConnections == 0 })
            #expect(server.acceptedConnections == 1)
        }
    }

    // MARK: Batch API

    static let batchBody = Array(#"{"batch": {"displayName": "raw", "inputConfig": {"requests": {"requests": [{"request": {"contents": [{"parts": [{"text": "Hi"}]}]}, "metadata": {"key": "k1"}}]}}}}"#.utf8)

    /// The long-running Operation of the REST reference: the batch under `metadata` with its `@type`, int64 counts as
    /// strings, `done` and the output under both `response` and `metadata.output` once finished.
    @Test func batchAnswersAreOperationsWithTheBatchUnderMetadata() async throws {
        try await withFakeServer { server in
            server.batchPollsUntilDone = 2
            let created = try json(try await RawHTTP.request(port: server.port, method: "POST",
                                                             path: "/v1beta/models/gemini-2.5-flash:batchGenerateContent",
                                                             body: Self.batchBody).body)
            let name = try #require(created["name"] as? String)
            #expect(name.hasPrefix("batches/"))
            let metadata = try #require(created["metadata"] as? [String: Any])
            #expect(metadata["@type"] as? String == "type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch")
            #expect(metadata["state"] as? String == "BATCH_STATE_PENDING")
            #expect(metadata["name"] as? String == name && metadata["model"] as? String == "models/gemini-2.5-flash")
            #expect((metadata["batchStats"] as? [String: Any])?["requestCount"] as? String == "1")
            #expect(created["done"] == nil && created["response"] == nil)

            let running = try json(try await RawHTTP.request(port: server.port, method: "GET", path: "/v1beta/\(name)").body)
            #expect((running["metadata"] as? [String: Any])?["state"] as? String == "BATCH_STATE_RUNNING")
            let done = try json(try await RawHTTP.request(port: server.port, method: "GET", path: "/v1beta/\(name)").body)
            #expect(done["done"] as? Bool == true)
            let response = try #require(done["response"] as? [String: Any])
            #expect(response["@type"] as? String == "type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatchOutput")
            let inlined = try #require((response["inlinedResponses"] as? [String: Any])?["inlinedResponses"] as? [[String: Any]])
            #expect((inlined.first?["metadata"] as? [String: Any])?["key"] as? String == "k1")
            #expect(inlined.first?["response"] is [String: Any])
            let doneMetadata = try #require(done["metadata"] as? [String: Any])
            #expect(doneMetadata["state"] as? String == "BATCH_STATE_SUCCEEDED")
            #expect(doneMetadata["output"] is [String: Any] && doneMetadata["endTime"] is String)
            #expect((doneMetadata["batchStats"] as? [String: Any])?["successfulRequestCount"] as? String == "1")

            let missing = try await RawHTTP.request(port: server.port, method: "GET", path: "/v1beta/batches/nope")
            #expect(missing.status == 404)
            #expect((try json(missing.body)["error"] as? [String: Any])?["status"] as? String == "NOT_FOUND")
        }
    }

    /// Both download paths reach the route (the REST reference's `/download/v1beta/…`, the SDK's `/v1beta/…`), and
    /// the existing file routes are unchanged.
    @Test func fileRoutesAndDownloadPaths() async throws {
        try await withFakeServer { server in
            let file = server.seedFile(displayName: "a.png")
            let id = file.name.dropFirst("files/".count)
            #expect(try await RawHTTP.request(port: server.port, method: "GET", path: "/v1beta/\(file.name)").status == 200)
            let refused = try await RawHTTP.request(port: server.port, method: "GET", path: "/download/v1beta/files/\(id):download?alt=media")
            #expect(refused.status == 400, "an uploaded file cannot be downloaded")
            _ = try await RawHTTP.request(port: server.port, method: "GET", path: "/v1beta/files/\(id):download?alt=media")
            #expect(server.requests(for: .fileDownload).map(\.resource) == [String(id), String(id)])
            #expect(server.requests(for: .getFile).count == 1)
            #expect(try await RawHTTP.request(port: server.port, method: "POST", path: "/v1beta/files/\(id):download").status == 404)
        }
    }

    /// The latency knob holds a generate answer back, and the request counts as in flight meanwhile.
    @Test func responseDelayHoldsGenerateAnswers() async throws {
        try await withFakeServer { server in
            server.responseDelay = .milliseconds(400)
            let clock = ContinuousClock()
            let started = clock.now
            let answer = try await RawHTTP.request(port: server.port, method: "POST", path: Self.streamPath, body: Array("{}".utf8))
            #expect(answer.status == 200 && clock.now - started >= .milliseconds(400))
            #expect(server.maxConcurrentGenerateRequests == 1 && server.generateRequestsInFlight == 0)
        }
    }
}

/// A result handed from a plain thread to the test.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Result<RawHTTP.Response, any Error>?
    func set(_ result: Result<RawHTTP.Response, any Error>) { lock.withLock { stored = result } }
    var value: Result<RawHTTP.Response, any Error>? { lock.withLock { stored } }
}
