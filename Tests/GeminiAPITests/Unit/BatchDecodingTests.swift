import Foundation
import Testing

@testable import GeminiAPI

@Suite("Batch API wire decoding")
struct BatchDecodingTests {
    let decoder = JSONDecoder()

    func job(_ json: String) throws -> BatchJob {
        try decoder.decode(BatchJob.self, from: Data(json.utf8))
    }

    static let answer = #"{"candidates": [{"content": {"parts": [{"text": "A cat."}], "role": "model"}, "finishReason": "STOP"}], "usageMetadata": {"promptTokenCount": 260, "totalTokenCount": 263}}"#

    @Test("both state spellings read as the same case; an unknown one is kept and unfinished")
    func stateSpellings() throws {
        for (raw, state) in [("BATCH_STATE_PENDING", BatchState.pending), ("JOB_STATE_PENDING", .pending),
                             ("BATCH_STATE_RUNNING", .running), ("JOB_STATE_RUNNING", .running),
                             ("BATCH_STATE_SUCCEEDED", .succeeded), ("JOB_STATE_SUCCEEDED", .succeeded),
                             ("BATCH_STATE_FAILED", .failed), ("JOB_STATE_FAILED", .failed),
                             ("BATCH_STATE_CANCELLED", .cancelled), ("JOB_STATE_CANCELLED", .cancelled),
                             ("BATCH_STATE_EXPIRED", .expired), ("JOB_STATE_EXPIRED", .expired)] {
            let decoded = try decoder.decode(BatchState.self, from: Data("\"\(raw)\"".utf8))
            #expect(decoded == state, "\(raw)")
        }
        #expect(BatchState(rawValue: "JOB_STATE_SUCCEEDED").isFinished)
        #expect(BatchState(rawValue: "BATCH_STATE_EXPIRED").isFinished)
        #expect(!BatchState(rawValue: "BATCH_STATE_RUNNING").isFinished)
        let unknown = BatchState(rawValue: "BATCH_STATE_PAUSED")
        #expect(unknown == .unknown("BATCH_STATE_PAUSED"))
        #expect(unknown.rawValue == "BATCH_STATE_PAUSED")
        #expect(!unknown.isFinished)
        #expect(BatchState.running.rawValue == "BATCH_STATE_RUNNING")
    }

    @Test("an Operation: the batch under metadata, stats as strings, output under response")
    func operationWithResponse() throws {
        let job = try job("""
            {
              "name": "batches/abc123",
              "metadata": {
                "@type": "type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch",
                "model": "models/gemini-2.5-flash",
                "displayName": "squint-run",
                "createTime": "2026-01-02T03:04:05.678Z",
                "endTime": "2026-01-02T04:04:05Z",
                "updateTime": "2026-01-02T04:04:05Z",
                "batchStats": {"requestCount": "3", "successfulRequestCount": "2", "failedRequestCount": "1"},
                "state": "BATCH_STATE_SUCCEEDED",
                "name": "batches/abc123"
              },
              "done": true,
              "response": {
                "@type": "type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatchOutput",
                "inlinedResponses": {"inlinedResponses": [
                  {"response": \(Self.answer), "metadata": {"key": "a.jpg"}},
                  {"error": {"code": 400, "message": "Bad image.", "status": "INVALID_ARGUMENT"}, "metadata": {"key": "b.jpg"}},
                  {"response": \(Self.answer)}
                ]}
              }
            }
            """)
        #expect(job.name == "batches/abc123")
        #expect(job.displayName == "squint-run")
        #expect(job.model == "models/gemini-2.5-flash")
        #expect(job.state == .succeeded && job.isFinished && job.done == true)
        #expect(job.createTime == "2026-01-02T03:04:05.678Z" && job.endTime == "2026-01-02T04:04:05Z")
        #expect(job.batchStats == BatchStats(requestCount: 3, successfulRequestCount: 2, failedRequestCount: 1))
        let results = try #require(job.inlinedResponses)
        #expect(results.map(\.key) == ["a.jpg", "b.jpg", nil])
        #expect(results[0].response?.text == "A cat.")
        #expect(results[0].response?.usageMetadata?.promptTokenCount == 260)
        #expect(results[1].response == nil)
        #expect(results[1].error?.code == 400 && results[1].error?.status == "INVALID_ARGUMENT")
        #expect(results[0].metadata == .object(["key": .string("a.jpg")]))
        #expect(job.responsesFile == nil)
    }

    @Test("the output under metadata.output, JOB_STATE spelling, stats as numbers")
    func operationWithMetadataOutput() throws {
        let job = try job("""
            {"name": "batches/f1", "metadata": {"state": "JOB_STATE_SUCCEEDED", "output": {"responsesFile": "files/batch-out-1"},
             "batchStats": {"requestCount": 12, "successfulRequestCount": 12}}, "done": true}
            """)
        #expect(job.state == .succeeded)
        #expect(job.responsesFile == "files/batch-out-1")
        #expect(job.inlinedResponses == nil)
        #expect(job.batchStats?.requestCount == 12 && job.batchStats?.successfulRequestCount == 12)
        #expect(job.batchStats?.failedRequestCount == nil)
    }

    @Test("a bare batch, with output under output and a flat inlinedResponses list")
    func bareBatch() throws {
        let job = try job("""
            {"name": "batches/b2", "displayName": "x", "state": "BATCH_STATE_SUCCEEDED",
             "output": {"inlinedResponses": [{"response": \(Self.answer), "metadata": {"key": "k"}}]}}
            """)
        #expect(job.name == "batches/b2" && job.displayName == "x" && job.done == nil)
        #expect(job.isFinished)
        #expect(job.inlinedResponses?.first?.key == "k")
        #expect(job.inlinedResponses?.first?.response?.text == "A cat.")
    }

    @Test("a BatchGenerateContentResponse under response (output one level down)")
    func responseWithOutputMember() throws {
        let job = try job("""
            {"name": "batches/c3", "done": true, "metadata": {"state": "BATCH_STATE_SUCCEEDED"},
             "response": {"@type": "x.BatchGenerateContentResponse", "output": {"responsesFile": "files/r3"}}}
            """)
        #expect(job.responsesFile == "files/r3")
    }

    @Test("a pending job: no output, a pending count; a failed operation carries its error")
    func pendingAndFailed() throws {
        let pending = try job("""
            {"name": "batches/p", "metadata": {"state": "BATCH_STATE_PENDING", "batchStats": {"requestCount": "2", "pendingRequestCount": "2"}}}
            """)
        #expect(pending.state == .pending && !pending.isFinished && pending.output == nil && pending.done == nil)
        #expect(pending.batchStats?.pendingRequestCount == 2)
        let failed = try job("""
            {"name": "batches/q", "metadata": {"state": "JOB_STATE_FAILED"}, "done": true,
             "error": {"code": 500, "message": "Internal error while running the batch.", "status": "INTERNAL"}}
            """)
        #expect(failed.state == .failed && failed.isFinished)
        #expect(failed.error?.message == "Internal error while running the batch.")
        #expect(failed.output == nil)
    }

    @Test("an unknown state with done: true counts as finished; unknown fields are ignored")
    func unknownStateDone() throws {
        let job = try job(#"{"name": "batches/u", "metadata": {"state": "BATCH_STATE_NEW_THING", "priority": "5", "x": [1]}, "done": true}"#)
        #expect(job.state == .unknown("BATCH_STATE_NEW_THING"))
        #expect(job.isFinished)
    }

    @Test("responses-file lines: response lines, error lines, blank and broken lines skipped")
    func resultLines() throws {
        let text = """
            {"key": "a.jpg", "response": \(Self.answer)}

            {"error": {"code": 429, "message": "Resource exhausted.", "status": "RESOURCE_EXHAUSTED"}, "key": "b.jpg"}\r
            not json
            {"key": "c.jpg", "response": {"candidates": "garbled"}}
            """
        let lines = BatchResultLine.parseJSONL(Data(text.utf8))
        #expect(lines.map(\.key) == ["a.jpg", "b.jpg", "c.jpg"])
        #expect(lines[0].response?.text == "A cat." && lines[0].error == nil)
        #expect(lines[1].error?.status == "RESOURCE_EXHAUSTED" && lines[1].response == nil)
        // A garbled response keeps the line (its key), with whatever decoded.
        #expect(lines[2].response?.candidates == [])
    }

    @Test("request lines encode as {key, request}, one a line")
    func requestLines() throws {
        let request = GenerateContentRequest(contents: [Content(parts: [.text("What is this?")])])
        let data = try BatchRequestLine.jsonl([.init(key: "a", request: request), .init(key: "b/c", request: request)])
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty)
        let first = try #require(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["key"] as? String == "a")
        let contents = try #require((first["request"] as? [String: Any])?["contents"] as? [[String: Any]])
        #expect(((contents[0]["parts"] as? [[String: Any]])?[0]["text"]) as? String == "What is this?")
        #expect(String(lines[1]).contains(#""key":"b/c""#))
        let decoded = try decoder.decode(BatchRequestLine.self, from: Data(lines[1].utf8))
        #expect(decoded == BatchRequestLine(key: "b/c", request: request))
    }

    @Test("the create body: inline requests nested twice with metadata.key; a file by name")
    func createBody() throws {
        let request = GenerateContentRequest(contents: [Content(parts: [.text("Hi")])])
        let inline = try JSONSerialization.jsonObject(with: JSONEncoder().encode(
            BatchCreateBody(displayName: "run", source: .inlined([.init(key: "k1", request: request)])))) as? [String: Any]
        let batch = try #require(inline?["batch"] as? [String: Any])
        #expect(batch["displayName"] as? String == "run")
        let entries = try #require(((batch["inputConfig"] as? [String: Any])?["requests"] as? [String: Any])?["requests"] as? [[String: Any]])
        #expect(entries.count == 1)
        #expect((entries[0]["metadata"] as? [String: Any])?["key"] as? String == "k1")
        #expect((entries[0]["request"] as? [String: Any])?["contents"] != nil)
        let file = try JSONSerialization.jsonObject(with: JSONEncoder().encode(
            BatchCreateBody(displayName: "run", source: .file(name: "abc")))) as? [String: Any]
        let config = try #require((file?["batch"] as? [String: Any])?["inputConfig"] as? [String: Any])
        #expect(config["fileName"] as? String == "files/abc")
        #expect(config["requests"] == nil)
    }

    @Test("a job survives encoding and decoding (what a caller stores)")
    func roundTrip() throws {
        let original = try job("""
            {"name": "batches/r", "metadata": {"state": "BATCH_STATE_SUCCEEDED", "displayName": "d",
             "batchStats": {"requestCount": "1", "successfulRequestCount": "1"}},
             "done": true, "response": {"inlinedResponses": {"inlinedResponses": [{"response": \(Self.answer), "metadata": {"key": "k"}}]}}}
            """)
        let again = try decoder.decode(BatchJob.self, from: JSONEncoder().encode(original))
        #expect(again == original)
    }

    @Test("list answers: jobs under operations or batches; {} is empty")
    func listing() throws {
        let operations = try decoder.decode(ListBatchesResponse.self, from: Data(#"{"operations": [{"name": "batches/1", "metadata": {"state": "BATCH_STATE_RUNNING"}}], "nextPageToken": "t"}"#.utf8))
        #expect(operations.batches.map(\.name) == ["batches/1"] && operations.nextPageToken == "t")
        #expect(operations.batches[0].state == .running)
        let batches = try decoder.decode(ListBatchesResponse.self, from: Data(#"{"batches": [{"name": "batches/2", "state": "JOB_STATE_PENDING"}]}"#.utf8))
        #expect(batches.batches.map(\.state) == [.pending])
        #expect(try decoder.decode(ListBatchesResponse.self, from: Data("{}".utf8)).batches.isEmpty)
    }

    @Test("batch names: an id or batches/ID")
    func names() {
        #expect(GeminiClient.batchPath("abc") == "batches/abc")
        #expect(GeminiClient.batchPath("batches/abc") == "batches/abc")
        #expect(GeminiClient.batchPath(" batches/x-1 ") == "batches/x-1")
    }
}
