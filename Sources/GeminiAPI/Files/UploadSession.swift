/// The resumable-upload protocol as a value: fed each answer of the upload server, it says what to send next.
///
/// After `start` the server hands out an upload URL; the bytes then go in 8 MiB chunks, each with
/// `X-Goog-Upload-Command: upload` (the last one `upload, finalize`) and `X-Goog-Upload-Offset`.
/// Every answer carries `x-goog-upload-status`: `active` (send more) or `final` (done, the body holds
/// the file). The upload backend sometimes answers without that header; the chunk is then sent again,
/// at most `maxResends` times. After a failed chunk the server is asked where it stands
/// (`X-Goog-Upload-Command: query`, answered with `x-goog-upload-size-received`).
public struct UploadSession: Sendable, Hashable {
    public static let defaultChunkSize = 8 << 20
    public static let maxResends = 3

    public enum Action: Sendable, Hashable {
        /// Send bytes `offset ..< offset + length`; `finalize` on the last chunk.
        case sendChunk(offset: Int, length: Int, finalize: Bool)
        /// Ask the server how many bytes it has (`X-Goog-Upload-Command: query`).
        case query
        /// The server said `final`: read the file from the answer body.
        case finished
        /// Stop with this error.
        case fail(GeminiError)
    }

    public let totalSize: Int
    public let chunkSize: Int
    /// Bytes the server confirmed.
    public private(set) var confirmedOffset = 0
    /// Resends used for the current chunk.
    public private(set) var resends = 0
    private var inFlight: Chunk?

    private struct Chunk: Sendable, Hashable {
        var offset: Int
        var length: Int
    }

    public init(totalSize: Int, chunkSize: Int = UploadSession.defaultChunkSize) {
        self.totalSize = max(0, totalSize)
        self.chunkSize = max(1, chunkSize)
    }

    /// The first action after the upload URL was obtained.
    public mutating func begin() -> Action {
        nextChunk()
    }

    /// The answer to a chunk: its `x-goog-upload-status` and, when sent, `x-goog-upload-size-received`.
    public mutating func chunkAnswered(status: String?, sizeReceived: Int? = nil) -> Action {
        guard let chunk = inFlight else { return .fail(Self.failure("answer without a chunk in flight")) }
        switch status?.lowercased().trimmingCharacters(in: .whitespaces) {
        case "final"?:
            confirmedOffset = totalSize
            inFlight = nil
            return .finished
        case "active"?:
            let advanced = chunk.offset + chunk.length
            confirmedOffset = min(max(sizeReceived ?? advanced, confirmedOffset), totalSize)
            resends = 0
            if confirmedOffset >= totalSize, chunk.offset + chunk.length >= totalSize {
                // The last chunk carried `finalize` yet the server still says active: ask where it stands.
                return spendResend(.query)
            }
            return nextChunk()
        case nil, ""?:
            let resend = Action.sendChunk(offset: chunk.offset, length: chunk.length, finalize: isLast(chunk))
            return spendResend(resend)
        case let other?:
            return .fail(Self.failure("the upload server answered status \"\(oneLine(other, limit: 40))\""))
        }
    }

    /// A chunk failed in transport or with a retryable HTTP status: ask the server where it stands.
    public mutating func chunkFailed(_ error: GeminiError) -> Action {
        guard error.isRetryable else { return .fail(error) }
        return spendResend(.query, orFail: error)
    }

    /// The answer to a query.
    public mutating func queryAnswered(status: String?, sizeReceived: Int?) -> Action {
        switch status?.lowercased().trimmingCharacters(in: .whitespaces) {
        case "final"?:
            confirmedOffset = totalSize
            inFlight = nil
            return .finished
        case "active"?:
            if let sizeReceived { confirmedOffset = min(max(0, sizeReceived), totalSize) }
            return nextChunk()
        default:
            return .fail(Self.failure("the upload server lost the upload session"))
        }
    }

    private func isLast(_ chunk: Chunk) -> Bool {
        chunk.offset + chunk.length >= totalSize
    }

    private mutating func nextChunk() -> Action {
        let length = min(chunkSize, totalSize - confirmedOffset)
        let chunk = Chunk(offset: confirmedOffset, length: length)
        inFlight = chunk
        return .sendChunk(offset: chunk.offset, length: chunk.length, finalize: isLast(chunk))
    }

    private mutating func spendResend(_ action: Action, orFail error: GeminiError? = nil) -> Action {
        guard resends < Self.maxResends else {
            let offset = inFlight?.offset ?? confirmedOffset
            return .fail(
                error.map { var e = $0; e.attempts = resends + 1; return e }
                    ?? Self.failure("the upload server did not confirm the chunk at offset \(offset) after \(Self.maxResends) resends"))
        }
        resends += 1
        return action
    }

    static func failure(_ detail: String) -> GeminiError {
        GeminiError(.uploadFailed(detail))
    }
}
