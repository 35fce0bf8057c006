import Foundation
import GeminiAPI
import GeminiTestServer
import Testing

@Suite("Batch API against the fake server")
struct BatchIntegrationTests {
    static func question(_ text: String) -> GenerateContentRequest {
        GenerateContentRequest(contents: [Content(parts: [.inline(Data("fake-png".utf8), mimeType: "image/png"), .text(text)])])
    }

    static let lines = ["a.jpg", "b.jpg", "c.jpg"].map { BatchRequestLine(key: $0, request: question("What is in \($0)?")) }

    /// Polls like a caller would, counting the polls; fails the test after 20.
    static func poll(_ client: GeminiClient, _ name: String) async throws -> (job: BatchJob, polls: Int) {
        for poll in 1...20 {
            let job = try await client.getBatch(name: name)
            if job.isFinished { return (job, poll) }
        }
        Issue.record("the batch did not finish in 20 polls")
        throw CancellationError()
    }

    @Test("inline requests: PENDING, RUNNING, SUCCEEDED with answers per key, scripted and built-in")
    func inline() async throws {
        try await Harness.run { h in
            h.server.setBatchReply(.answer("Two cats."), forKey: "a.jpg")
            h.server.setBatchReply(.googleError(status: 400, message: "Unable to process input image."), forKey: "b.jpg")
            h.server.enqueue(.answer("A dog."), for: .generateContent)
            let created = try await h.client.createBatch(model: "gemini-2.5-flash", displayName: "squint-test",
                                                         source: .inlined(Self.lines))
            #expect(created.name.hasPrefix("batches/"))
            #expect(created.state == .pending && !created.isFinished)
            #expect(created.displayName == "squint-test" && created.model == "models/gemini-2.5-flash")
            #expect(created.batchStats?.requestCount == 3 && created.batchStats?.pendingRequestCount == 3)

            let running = try await h.client.getBatch(name: created.name)
            #expect(running.state == .running && running.output == nil)
            let done = try await h.client.getBatch(name: created.name)
            #expect(done.state == .succeeded && done.done == true && done.endTime != nil)
            #expect(done.batchStats == BatchStats(requestCount: 3, successfulRequestCount: 2, failedRequestCount: 1))
            let results = try await h.client.batchResults(of: done)
            #expect(results.map(\.key) == ["a.jpg", "b.jpg", "c.jpg"])
            #expect(results[0].response?.text == "Two cats.")
            #expect(results[1].error?.code == 400 && results[1].error?.message == "Unable to process input image.")
            #expect(results[2].response?.text == "A dog.", "the .generateContent queue answers unscripted keys")
            #expect(h.server.pendingReplies(for: .generateContent) == 0)

            // The wire: {"batch": {"displayName", "inputConfig": {"requests": {"requests": [{request, metadata}]}}}}.
            let create = try #require(h.server.requests(for: .batchCreate).first)
            #expect(create.path == "/v1beta/models/gemini-2.5-flash:batchGenerateContent")
            #expect(create.header("x-goog-api-key") == Harness.apiKey)
            let batch = try #require(create.jsonObject()?["batch"] as? [String: Any])
            #expect(batch["displayName"] as? String == "squint-test")
            let entries = try #require(((batch["inputConfig"] as? [String: Any])?["requests"] as? [String: Any])?["requests"] as? [[String: Any]])
            #expect(entries.compactMap { ($0["metadata"] as? [String: Any])?["key"] as? String } == ["a.jpg", "b.jpg", "c.jpg"])
            #expect(h.server.requests(for: .batchGet).map(\.path) == Array(repeating: "/v1beta/\(created.name)", count: 2))
        }
    }

    @Test("a JSONL file: uploaded, batched, its responses file downloaded and parsed")
    func file() async throws {
        try await Harness.run { h in
            h.server.batchPollsUntilDone = 3
            h.server.setBatchReply(.rateLimited(), forKey: "c.jpg")
            let jsonl = try BatchRequestLine.jsonl(Self.lines)
            let input = try await h.client.uploadFile(data: jsonl, mimeType: GeminiClient.batchInputMimeType,
                                                      displayName: "squint-batch.jsonl")
            #expect(h.server.files.first { $0.name == input.name }?.mimeType == "application/jsonl")
            let created = try await h.client.createBatch(model: "models/gemini-2.5-flash", displayName: "file-run",
                                                         source: .file(name: input.name))
            let body = try #require(h.server.requests(for: .batchCreate).first?.jsonObject()?["batch"] as? [String: Any])
            #expect((body["inputConfig"] as? [String: Any])?["fileName"] as? String == input.name)
            let (done, polls) = try await Self.poll(h.client, created.name)
            #expect(polls == 3)
            #expect(done.state == .succeeded)
            let file = try #require(done.responsesFile)
            #expect(done.inlinedResponses == nil)
            let results = try await h.client.batchResults(of: done)
            #expect(results.map(\.key) == ["a.jpg", "b.jpg", "c.jpg"])
            #expect(results[0].response?.text == "This is a fake answer.")
            #expect(results[2].error?.status == "RESOURCE_EXHAUSTED")
            let download = try #require(h.server.requests(for: .fileDownload).first)
            #expect(download.path == "/download/v1beta/\(file):download" && download.query["alt"] == "media")
            // The responses file is a file of the Files API, generated.
            let meta = try await h.client.getFile(name: file)
            #expect(meta.source == "GENERATED" && meta.mimeType == "application/jsonl")
        }
    }

    @Test("the output under response or metadata.output, or a bare batch, in either state spelling",
          arguments: [FakeBatch.OutputPlacement.responseAndMetadata, .response, .metadataOutput, .bareBatch],
          [FakeBatch.StateSpelling.batchState, .jobState])
    func placements(placement: FakeBatch.OutputPlacement, spelling: FakeBatch.StateSpelling) async throws {
        try await Harness.run { h in
            h.server.batchOutputPlacement = placement
            h.server.batchStateSpelling = spelling
            h.server.batchPollsUntilDone = 1
            let created = try await h.client.createBatch(model: "gemini-2.5-flash", displayName: "p",
                                                         source: .inlined(Array(Self.lines.prefix(2))))
            #expect(created.state == .pending)
            let done = try await h.client.getBatch(name: created.name)
            #expect(done.state == .succeeded)
            #expect(done.inlinedResponses?.map(\.key) == ["a.jpg", "b.jpg"])
            #expect(done.inlinedResponses?.first?.response?.text == "This is a fake answer.")
        }
    }

    @Test("cancel: a running job becomes CANCELLED, without output; cancelling it again is refused")
    func cancel() async throws {
        try await Harness.run { h in
            h.server.batchPollsUntilDone = 5
            let created = try await h.client.createBatch(model: "gemini-2.5-flash", displayName: "c", source: .inlined(Self.lines))
            #expect(try await h.client.getBatch(name: created.name).state == .running)
            try await h.client.cancelBatch(name: created.name)
            let cancelled = try await h.client.getBatch(name: created.name)
            #expect(cancelled.state == .cancelled && cancelled.isFinished && cancelled.output == nil)
            #expect(try await h.client.batchResults(of: cancelled).isEmpty)
            let again = try #require(await Harness.failure { () async throws(GeminiError) in
                try await h.client.cancelBatch(name: created.name)
            })
            #expect(again.httpStatus == 400 && again.category == .refused)
            #expect(h.server.requests(for: .batchCancel).first?.path == "/v1beta/\(created.name):cancel")
        }
    }

    /// A 5xx or a timeout may come after the service queued the job: trying again would queue (and bill) a
    /// second one. A 429 means nothing was queued.
    @Test("create is not retried after a 5xx, only after a 429")
    func createRetries() async throws {
        try await Harness.run(retryPolicy: RetryPolicy(maxAttempts: 3)) { h in
            h.server.enqueue(.serverError(503), for: .batchCreate)
            let error = try #require(await Harness.failure { () async throws(GeminiError) in
                try await h.client.createBatch(model: "gemini-2.5-flash", displayName: "once", source: .inlined(Self.lines))
            })
            #expect(error.httpStatus == 503 && error.attempts == 1)
            #expect(h.server.requests(for: .batchCreate).count == 1)
            #expect(h.sleeps.recorded.isEmpty, "no wait before a retry")

            h.server.enqueue(.rateLimited(retryDelay: "0.01s"), for: .batchCreate)
            let created = try await h.client.createBatch(model: "gemini-2.5-flash", displayName: "after 429", source: .inlined(Self.lines))
            #expect(h.server.requests(for: .batchCreate).count == 3)
            #expect(h.server.batches.map(\.name) == [created.name])
        }
    }

    @Test("an unknown job is 404 NOT_FOUND, not retried")
    func unknown() async throws {
        try await Harness.run { h in
            let error = try #require(await Harness.failure { () async throws(GeminiError) in
                try await h.client.getBatch(name: "batches/nope")
            })
            #expect(error.httpStatus == 404 && error.rpcStatus?.status == "NOT_FOUND")
            #expect(error.category == .refused && error.attempts == 1)
        }
    }

    @Test("a FAILED job carries the operation's error, key redacted; an EXPIRED one has no output")
    func failedAndExpired() async throws {
        try await Harness.run { h in
            h.server.batchPollsUntilDone = 1
            h.server.batchOutcome = .failed(code: 500, message: "The batch could not be processed (key \(Harness.apiKey)).")
            let failing = try await h.client.createBatch(model: "gemini-2.5-flash", displayName: "f", source: .inlined(Self.lines))
            h.server.batchOutcome = .expired
            let expiring = try await h.client.createBatch(model: "gemini-2.5-flash", displayName: "e", source: .inlined(Self.lines))
            let failed = try await h.client.getBatch(name: failing.name)
            #expect(failed.state == .failed && failed.isFinished)
            #expect(failed.error?.code == 500)
            let message = try #require(failed.error?.message)
            #expect(message.hasPrefix("The batch could not be processed") && !message.contains(Harness.apiKey))
            #expect(failed.output == nil)
            let expired = try await h.client.getBatch(name: expiring.name)
            #expect(expired.state == .expired && expired.error == nil && expired.output == nil)
        }
    }

    @Test("dropped keys are missing from inline results and from the responses file")
    func droppedKeys() async throws {
        try await Harness.run { h in
            h.server.batchPollsUntilDone = 1
            h.server.batchDroppedKeys = ["b.jpg"]
            let inline = try await h.client.createBatch(model: "gemini-2.5-flash", displayName: "d", source: .inlined(Self.lines))
            let inlineDone = try await h.client.getBatch(name: inline.name)
            #expect(try await h.client.batchResults(of: inlineDone).map(\.key) == ["a.jpg", "c.jpg"])
            let input = try await h.client.uploadFile(data: try BatchRequestLine.jsonl(Self.lines), mimeType: "jsonl")
            let file = try await h.client.createBatch(model: "gemini-2.5-flash", displayName: "d", source: .file(name: input.name))
            let fileDone = try await h.client.getBatch(name: file.name)
            #expect(try await h.client.batchResults(of: fileDone).map(\.key) == ["a.jpg", "c.jpg"])
        }
    }

    @Test("list and delete")
    func listAndDelete() async throws {
        try await Harness.run { h in
            let first = try await h.client.createBatch(model: "gemini-2.5-flash", displayName: "1", source: .inlined(Self.lines))
            let second = try await h.client.createBatch(model: "gemini-2.5-flash", displayName: "2", source: .inlined(Self.lines))
            let page = try await h.client.listBatches(pageSize: 1)
            #expect(page.batches.map(\.name) == [second.name] && page.nextPageToken != nil)
            let rest = try await h.client.listBatches(pageSize: 1, pageToken: page.nextPageToken)
            #expect(rest.batches.map(\.name) == [first.name] && rest.nextPageToken == nil)
            try await h.client.deleteBatch(name: first.name)
            #expect(try await h.client.listBatches().batches.map(\.name) == [second.name])
            let error = try #require(await Harness.failure { () async throws(GeminiError) in try await h.client.deleteBatch(name: first.name) })
            #expect(error.httpStatus == 404)
        }
    }

    @Test("an uploaded file cannot be downloaded; a missing input file is refused at create")
    func downloadRefusals() async throws {
        try await Harness.run { h in
            let uploaded = try await h.client.uploadFile(bytes: [1, 2, 3], mimeType: "image/png")
            let error = try #require(await Harness.failure { () async throws(GeminiError) in try await h.client.downloadFile(name: uploaded.name) })
            #expect(error.httpStatus == 400 && error.category == .refused)
            let missing = try #require(await Harness.failure { () async throws(GeminiError) in
                try await h.client.createBatch(model: "gemini-2.5-flash", displayName: "m", source: .file(name: "files/gone"))
            })
            #expect(missing.category == .refused)
            #expect(h.server.batches.isEmpty)
        }
    }

    @Test("a rate limit answers 429 with the wait until the window has room")
    func rateLimit() async throws {
        try await Harness.run(retryPolicy: .none) { h in
            // A window far longer than the test, so a loaded machine cannot let the first request age out of it.
            h.server.rateLimit = (requests: 2, per: .seconds(3600))
            let clock = ContinuousClock()
            let started = clock.now
            _ = try await h.client.generateContent(model: "m", request: Harness.question)
            _ = try await h.client.generateContent(model: "m", request: Harness.question)
            let error = try #require(await Harness.failure { () async throws(GeminiError) in
                try await h.client.generateContent(model: "m", request: Harness.question)
            })
            #expect(error.category == .rateLimited)
            let delay = try #require(error.retryDelay)
            #expect(delay <= .seconds(3600))
            #expect(delay >= .seconds(3600) - (clock.now - started) - .milliseconds(1))
            #expect(h.server.limitedRequests == 1)
        }
    }

    /// The answers are held back far longer than the test lasts, so a loaded machine cannot finish one before the
    /// next arrives; the clients hang up at the end, which ends the server's wait too.
    @Test("generate requests in flight at once are counted while the answers are delayed")
    func inFlight() async throws {
        try await Harness.run { h in
            h.server.responseDelay = .seconds(3600)
            let tasks = (0..<3).map { _ in
                Task { try await h.client.generateContent(model: "m", request: Harness.question) }
            }
            #expect(await h.server.wait { $0.generateRequestsInFlight == 3 })
            #expect(h.server.maxConcurrentGenerateRequests == 3)
            tasks.forEach { $0.cancel() }
            for task in tasks { _ = await task.result }
            #expect(await h.server.wait { $0.generateRequestsInFlight == 0 })
            #expect(h.server.maxConcurrentGenerateRequests == 3)
        }
    }

    @Test("a concurrency limit refuses the request beyond it with a 429")
    func concurrencyLimit() async throws {
        try await Harness.run(retryPolicy: .none) { h in
            h.server.responseDelay = .seconds(3600)
            h.server.concurrencyLimit = 1
            let slow = Task { try await h.client.generateContent(model: "m", request: Harness.question) }
            #expect(await h.server.wait { $0.generateRequestsInFlight == 1 })
            let error = try #require(await Harness.failure { () async throws(GeminiError) in
                try await h.client.generateContent(model: "m", request: Harness.question)
            })
            #expect(error.category == .rateLimited && error.retryDelay == .seconds(1))
            #expect(h.server.limitedRequests == 1)
            slow.cancel()
            _ = await slow.result
            #expect(await h.server.wait { $0.generateRequestsInFlight == 0 })
        }
    }
}
