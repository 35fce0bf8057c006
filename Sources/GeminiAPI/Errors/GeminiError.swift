/// Every failure the Gemini client reports.
///
/// One public struct over a private code, so new failure kinds never break callers. `description` is one
/// line a person can act on; `category` is what an exit code or a UI state is chosen from. Every string
/// in here came through `KeyRedactor` before it was stored: the API key cannot leak through an error,
/// even when a server or proxy quotes it back.
public struct GeminiError: Error, Sendable, Hashable {
    enum Code: Sendable, Hashable {
        /// A non-2xx answer. `rpc` when the body was a `google.rpc.Status`, `body` (first line) otherwise.
        case http(status: Int, rpc: RPCStatus?, body: String?)
        /// A `{"error": …}` that arrived inside an HTTP 200 stream.
        case streamError(RPCStatus)
        case transport(String)
        case connectTimeout(host: String)
        case idleTimeout(Duration)
        case requestTimeout
        case cancelled
        case blocked(reason: String, message: String?)
        case invalidResponse(String)
        case eventTooLarge(limit: Int)
        case uploadFailed(String)
        case fileFailed(name: String, message: String?)
        case fileWaitTimeout(name: String, state: String)
        case invalidConfiguration(String)
    }

    /// Why the retry loop stopped retrying an otherwise retryable error.
    public enum GiveUpReason: Sendable, Hashable {
        /// All configured attempts were used.
        case attemptsExhausted(Int)
        /// The server asked for a wait longer than `RetryPolicy.maxRetryDelay`.
        case delayTooLong(requested: Duration, limit: Duration)
        /// A per-day quota: waiting minutes will not help.
        case dailyQuota
        /// Part of the answer was already delivered; retrying would repeat it.
        case answerStarted
    }

    /// What kind of failure this is, for exit codes and UI states.
    public enum Category: Sendable, Hashable {
        /// The API refused the request (4xx other than 408/429): fix the request, key or name.
        case refused
        /// 429: quota or rate limit.
        case rateLimited
        /// The service or network failed (5xx, 408, timeouts, dropped connections, mid-stream errors).
        case unavailable
        /// The prompt or answer was blocked by a safety filter.
        case blocked
        /// The caller cancelled.
        case cancelled
        /// The server answered something this client cannot read.
        case invalidResponse
        /// The client was set up wrongly (bad base URL, empty key).
        case configuration
    }

    let code: Code
    /// `Retry-After` of the answer, when present.
    var retryAfter: Duration?
    /// Length in characters of the answer text already delivered before a stream failed.
    public internal(set) var partialTextLength: Int?
    /// How many attempts were made before this error was reported.
    public internal(set) var attempts: Int = 1
    /// Set when the retry loop stopped for a reason other than the error itself.
    public internal(set) var giveUpReason: GiveUpReason?

    init(_ code: Code, retryAfter: Duration? = nil) {
        self.code = code
        self.retryAfter = retryAfter
    }
}

extension GeminiError {
    /// The HTTP status of the failed answer, when there was one.
    public var httpStatus: Int? {
        switch code {
        case .http(let status, _, _): status
        case .streamError(let rpc): rpc.code
        default: nil
        }
    }

    /// The decoded `google.rpc.Status`, when the server sent one.
    public var rpcStatus: RPCStatus? {
        switch code {
        case .http(_, let rpc, _): rpc
        case .streamError(let rpc): rpc
        default: nil
        }
    }

    /// How long the server asked to wait: the longer of `RetryInfo.retryDelay` and `Retry-After`.
    public var retryDelay: Duration? {
        switch (rpcStatus?.retryDelay, retryAfter) {
        case (let a?, let b?): max(a, b)
        case (let a?, nil): a
        case (nil, let b?): b
        case (nil, nil): nil
        }
    }

    /// Whether the quota that failed resets only daily.
    public var isDailyQuota: Bool {
        rpcStatus?.quotaViolations.contains(where: \.isPerDay) ?? false
    }

    /// The block reason, when the prompt was blocked.
    public var blockReason: String? {
        if case .blocked(let reason, _) = code { return reason }
        return nil
    }

    /// Whether trying the same request again may succeed (408, 429, 500, 502, 503, 504, transport
    /// failures, timeouts) — and nothing of the answer was delivered yet.
    public var isRetryable: Bool {
        guard partialTextLength == nil else { return false }
        switch code {
        case .http(let status, _, _): return Self.retryableStatuses.contains(status)
        case .streamError(let rpc):
            return rpc.code.map(Self.retryableStatuses.contains) ?? Self.retryableRPCNames.contains(rpc.status ?? "")
        case .transport, .connectTimeout, .idleTimeout: return true
        default: return false
        }
    }

    public var category: Category {
        switch code {
        case .http(let status, _, _):
            if status == 429 { return .rateLimited }
            if (400..<500).contains(status), status != 408 { return .refused }
            return .unavailable
        case .streamError(let rpc):
            if rpc.code == 429 || rpc.status == "RESOURCE_EXHAUSTED" { return .rateLimited }
            if let code = rpc.code, (400..<500).contains(code), code != 408, partialTextLength == nil { return .refused }
            return .unavailable
        case .transport, .connectTimeout, .idleTimeout, .requestTimeout: return .unavailable
        case .cancelled: return .cancelled
        case .blocked: return .blocked
        case .invalidResponse, .eventTooLarge: return .invalidResponse
        case .uploadFailed, .fileWaitTimeout: return .unavailable
        case .fileFailed: return .refused
        case .invalidConfiguration: return .configuration
        }
    }

    static let retryableStatuses: Set<Int> = [408, 429, 500, 502, 503, 504]
    static let retryableRPCNames: Set<String> = ["RESOURCE_EXHAUSTED", "UNAVAILABLE", "INTERNAL", "DEADLINE_EXCEEDED"]
}

extension GeminiError {
    /// A prompt refused by the safety filters (`promptFeedback.blockReason`), for callers that turn the
    /// blocked outcome of a response or stream into an error.
    public static func blocked(reason: String, message: String? = nil) -> GeminiError {
        GeminiError(.blocked(reason: oneLine(reason, limit: 80), message: message.map { oneLine($0) }))
    }

    /// The caller cancelled the request.
    public static var cancelled: GeminiError { GeminiError(.cancelled) }

    /// The same error, marked as having interrupted a stream after `length` characters of answer.
    func interruptingAnswer(after length: Int) -> GeminiError {
        var copy = self
        copy.partialTextLength = length
        return copy
    }
}
