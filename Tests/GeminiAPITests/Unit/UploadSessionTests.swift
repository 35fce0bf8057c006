import Testing

@testable import GeminiAPI

@Suite("Resumable upload state machine")
struct UploadSessionTests {
    let mib = 1 << 20

    @Test("8 MiB chunks, the last one finalizes")
    func chunks() {
        var session = UploadSession(totalSize: 20 * mib)
        #expect(session.begin() == .sendChunk(offset: 0, length: 8 * mib, finalize: false))
        #expect(session.chunkAnswered(status: "active") == .sendChunk(offset: 8 * mib, length: 8 * mib, finalize: false))
        #expect(session.chunkAnswered(status: "active") == .sendChunk(offset: 16 * mib, length: 4 * mib, finalize: true))
        #expect(session.chunkAnswered(status: "final") == .finished)
        #expect(session.confirmedOffset == 20 * mib)
    }

    @Test("a small file is one finalizing chunk; an empty one too")
    func small() {
        var session = UploadSession(totalSize: 1000)
        #expect(session.begin() == .sendChunk(offset: 0, length: 1000, finalize: true))
        var empty = UploadSession(totalSize: 0)
        #expect(empty.begin() == .sendChunk(offset: 0, length: 0, finalize: true))
    }

    @Test("a missing status header resends the same chunk, at most 3 times")
    func missingHeader() {
        var session = UploadSession(totalSize: 10 * mib)
        _ = session.begin()
        let first = UploadSession.Action.sendChunk(offset: 0, length: 8 * mib, finalize: false)
        #expect(session.chunkAnswered(status: nil) == first)
        #expect(session.chunkAnswered(status: "") == first)
        #expect(session.chunkAnswered(status: nil) == first)
        guard case .fail(let error) = session.chunkAnswered(status: nil) else {
            Issue.record("expected failure after 3 resends")
            return
        }
        #expect(error.description.contains("after 3 resends"))
    }

    @Test("the resend budget is per chunk")
    func budgetPerChunk() {
        var session = UploadSession(totalSize: 10 * mib)
        _ = session.begin()
        _ = session.chunkAnswered(status: nil)
        _ = session.chunkAnswered(status: nil)
        #expect(session.chunkAnswered(status: "active") == .sendChunk(offset: 8 * mib, length: 2 * mib, finalize: true))
        #expect(session.resends == 0)
        #expect(session.chunkAnswered(status: nil) == .sendChunk(offset: 8 * mib, length: 2 * mib, finalize: true))
        #expect(session.chunkAnswered(status: "FINAL") == .finished)
    }

    @Test("a failed chunk queries the server and resumes where it stands")
    func query() {
        var session = UploadSession(totalSize: 20 * mib)
        _ = session.begin()
        _ = session.chunkAnswered(status: "active")
        #expect(session.chunkFailed(GeminiError(.transport("reset"))) == .query)
        #expect(
            session.queryAnswered(status: "active", sizeReceived: 12 * mib)
                == .sendChunk(offset: 12 * mib, length: 8 * mib, finalize: true))
        let refused = GeminiError(.http(status: 400, rpc: nil, body: "bad"))
        #expect(session.chunkFailed(refused) == .fail(refused))
    }

    @Test("a status the protocol does not know fails")
    func unknownStatus() {
        var session = UploadSession(totalSize: 10)
        _ = session.begin()
        guard case .fail(let error) = session.chunkAnswered(status: "cancelled") else {
            Issue.record("expected failure")
            return
        }
        #expect(error.description == "upload failed: the upload server answered status \"cancelled\"")
    }
}
