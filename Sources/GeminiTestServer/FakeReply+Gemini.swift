/// Replies shaped like the real Gemini service's, so tests read as scenarios rather than JSON.
extension FakeReply {
    /// The model version the conveniences report unless told otherwise.
    public static let defaultModelVersion = "gemini-2.5-flash"

    /// A JSON body (pretty-printed like the service's unary responses).
    public static func json(_ body: FakeJSON, status: Int = 200, headers: [(name: String, value: String)] = [],
                            pretty: Bool = true) -> FakeReply {
        FakeReply(status: status, headers: [("content-type", "application/json; charset=UTF-8")] + headers,
                  body: .bytes(Array((pretty ? body.pretty : body.compact).utf8)))
    }

    /// A plain-text body, as the upload backend and proxies sometimes answer.
    public static func text(_ text: String, status: Int, contentType: String = "text/plain; charset=utf-8",
                            headers: [(name: String, value: String)] = []) -> FakeReply {
        FakeReply(status: status, headers: [("content-type", contentType)] + headers, body: .bytes(Array(text.utf8)))
    }

    /// A server-sent-event stream (`text/event-stream`) of the given parts.
    public static func sse(_ parts: [StreamPart], framing: SSEFraming = .crlf, status: Int = 200,
                           headers: [(name: String, value: String)] = []) -> FakeReply {
        FakeReply(status: status, headers: [("content-type", "text/event-stream")] + headers,
                  body: .stream(parts, framing: framing))
    }

    /// A `google.rpc.Status` error body with its canonical status name.
    public static func googleError(status: Int, message: String, details: [FakeErrorDetail] = [],
                                   statusName: String? = nil, headers: [(name: String, value: String)] = []) -> FakeReply {
        .json(FakeErrorBody.status(code: status, message: message,
                                   status: statusName ?? FakeErrorBody.statusName(forHTTP: status), details: details),
              status: status, headers: headers)
    }

    /// A 429 as the service sends it: QuotaFailure, Help and (when `retryDelay` is set) RetryInfo, plus an optional
    /// `Retry-After` header. `perDay` names a daily quota, which a client should not wait out.
    public static func rateLimited(retryDelay: String? = "2s", retryAfter: String? = nil, perDay: Bool = false,
                                   model: String = defaultModelVersion) -> FakeReply {
        let quotaID = perDay ? "GenerateRequestsPerDayPerProjectPerModel-FreeTier"
                             : "GenerateRequestsPerMinutePerProjectPerModel-FreeTier"
        var details: [FakeErrorDetail] = [
            .quotaFailure(metric: "generativelanguage.googleapis.com/generate_content_free_tier_requests",
                          quotaID: quotaID, model: model, value: perDay ? "250" : "10"),
            .help(description: "Learn more about Gemini API quotas", url: "https://ai.google.dev/gemini-api/docs/rate-limits"),
        ]
        if let retryDelay { details.append(.retryInfo(retryDelay)) }
        let message = "You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits."
        return .googleError(status: 429, message: message, details: details,
                            headers: retryAfter.map { [("retry-after", $0)] } ?? [])
    }

    /// A 5xx with the message the service uses for it (503: "The model is overloaded...").
    public static func serverError(_ status: Int = 503) -> FakeReply {
        let message = switch status {
        case 503: "The model is overloaded. Please try again later."
        case 504: "Deadline expired before operation could complete."
        case 502: "Bad Gateway"
        default: "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting"
        }
        return .googleError(status: status, message: message)
    }

    /// A non-200 status whose content type still says `text/event-stream` (the body is the error JSON).
    public static func errorAsEventStream(status: Int = 429, message: String = "Resource has been exhausted (e.g. check quota).") -> FakeReply {
        let body = FakeErrorBody.status(code: status, message: message,
                                        status: FakeErrorBody.statusName(forHTTP: status), details: [])
        return FakeReply(status: status, headers: [("content-type", "text/event-stream")],
                         body: .bytes(Array(body.pretty.utf8)))
    }

    /// An error whose message quotes the request's API key back, as some proxies and misconfigured gateways do.
    public static func quotingAPIKey(status: Int = 400) -> FakeReply {
        .googleError(status: status, message: "API key not valid: \(apiKeyPlaceholder). Please pass a valid API key.",
                     details: [.errorInfo(reason: "API_KEY_INVALID", domain: "googleapis.com",
                                          metadata: [("service", "generativelanguage.googleapis.com"),
                                                     ("key", apiKeyPlaceholder)])])
    }

    /// A unary `generateContent` answer.
    public static func answer(_ text: String, finishReason: String = "STOP", model: String = defaultModelVersion,
                              promptTokens: Int = 268, thoughts: [String] = [], signature: String? = nil) -> FakeReply {
        let answerTokens = GeminiChunks.tokenCount(text)
        let thoughtTokens = thoughts.map(GeminiChunks.tokenCount).reduce(0, +)
        var parts: [FakeJSON] = thoughts.map { ["text": .string($0), "thought": true] }
        // Gemini 3 puts the thought signature on the answer's (last) part.
        parts.append(signature.map { ["text": .string(text), "thoughtSignature": .string($0)] } ?? ["text": .string(text)])
        return .json(GeminiChunks.response(parts: parts, finishReason: finishReason,
                                           usage: GeminiChunks.usage(prompt: promptTokens, candidates: answerTokens,
                                                                     thoughts: thoughtTokens),
                                           model: model))
    }

    /// A streamed answer: one SSE event per piece with cumulative `usageMetadata`, `finishReason` on the last
    /// text event (or on a separate final event whose `content` has only a `role`, when `emptyFinalChunk`),
    /// `modelVersion` and `responseId` on each. `delay` pauses between events; `tail` is sent after the answer
    /// (e.g. `[.bareError()]` or `[.drop]` — then put the failure inside the answer by leaving out the finish).
    public static func streamedAnswer(_ pieces: [String], framing: SSEFraming = .crlf, delay: Duration? = nil,
                                      finishReason: String? = "STOP", model: String = defaultModelVersion,
                                      promptTokens: Int = 268, thoughts: [String] = [], emptyFinalChunk: Bool = false,
                                      tail: [StreamPart] = []) -> FakeReply {
        .sse(GeminiChunks.answerEvents(pieces, delay: delay, finishReason: finishReason, model: model,
                                       promptTokens: promptTokens, thoughts: thoughts,
                                       emptyFinalChunk: emptyFinalChunk) + tail,
             framing: framing)
    }

    /// The answer to a prompt the service refused to read: `promptFeedback.blockReason` and no candidates.
    public static func blocked(reason: String = "SAFETY", streaming: Bool = false,
                               model: String = defaultModelVersion) -> FakeReply {
        let body: FakeJSON = [
            "promptFeedback": [
                "blockReason": .string(reason),
                "safetyRatings": [
                    ["category": "HARM_CATEGORY_SEXUALLY_EXPLICIT", "probability": "NEGLIGIBLE"],
                    ["category": "HARM_CATEGORY_HATE_SPEECH", "probability": "NEGLIGIBLE"],
                    ["category": "HARM_CATEGORY_HARASSMENT", "probability": "NEGLIGIBLE"],
                    ["category": "HARM_CATEGORY_DANGEROUS_CONTENT", "probability": "HIGH"],
                ],
            ],
            "usageMetadata": ["promptTokenCount": 268, "totalTokenCount": 268],
            "modelVersion": .string(model),
            "responseId": "fake-blocked-response",
        ]
        return streaming ? .sse([.event(body)]) : .json(body)
    }

    /// A `countTokens` answer.
    public static func tokenCount(_ total: Int) -> FakeReply {
        .json(["totalTokens": .int(total)])
    }
}

/// The JSON pieces of `GenerateContentResponse`, public so tests can compose unusual streams.
public enum GeminiChunks {
    /// A crude token count (about four characters a token) so usage figures move with the text.
    public static func tokenCount(_ text: String) -> Int { text.isEmpty ? 0 : max(1, text.count / 4) }

    public static func usage(prompt: Int, candidates: Int, thoughts: Int = 0) -> FakeJSON {
        var members: [FakeJSON.Member] = [
            .init("promptTokenCount", .int(prompt)),
            .init("candidatesTokenCount", .int(candidates)),
            .init("totalTokenCount", .int(prompt + candidates + thoughts)),
            .init("promptTokensDetails", [["modality": "TEXT", "tokenCount": .int(max(0, prompt - 258))],
                                          ["modality": "IMAGE", "tokenCount": .int(min(prompt, 258))]]),
        ]
        if thoughts > 0 { members.append(.init("thoughtsTokenCount", .int(thoughts))) }
        return .object(members)
    }

    /// One `GenerateContentResponse` with a single candidate. `parts == nil` writes `content: {role}` alone.
    public static func response(parts: [FakeJSON]?, finishReason: String?, usage: FakeJSON, model: String,
                                responseID: String = "fake-response-1") -> FakeJSON {
        var content: [FakeJSON.Member] = []
        if let parts { content.append(.init("parts", .array(parts))) }
        content.append(.init("role", "model"))
        var candidate: [FakeJSON.Member] = [.init("content", .object(content))]
        if let finishReason { candidate.append(.init("finishReason", .string(finishReason))) }
        candidate.append(.init("index", 0))
        return [
            "candidates": [.object(candidate)],
            "usageMetadata": usage,
            "modelVersion": .string(model),
            "responseId": .string(responseID),
        ]
    }

    /// The events of a streamed answer; see `FakeReply.streamedAnswer`.
    public static func answerEvents(_ pieces: [String], delay: Duration? = nil, finishReason: String? = "STOP",
                                    model: String = FakeReply.defaultModelVersion, promptTokens: Int = 268,
                                    thoughts: [String] = [], emptyFinalChunk: Bool = false) -> [StreamPart] {
        var events: [StreamPart] = []
        var thoughtTokens = 0
        var answerTokens = 0
        func add(_ json: FakeJSON) {
            if let delay, !events.isEmpty { events.append(.pause(delay)) }
            events.append(.event(json))
        }
        for thought in thoughts {
            thoughtTokens += tokenCount(thought)
            add(response(parts: [["text": .string(thought), "thought": true]], finishReason: nil,
                         usage: usage(prompt: promptTokens, candidates: 0, thoughts: thoughtTokens), model: model))
        }
        for (index, piece) in pieces.enumerated() {
            answerTokens += tokenCount(piece)
            let isLast = index == pieces.count - 1 && !emptyFinalChunk
            add(response(parts: [["text": .string(piece)]], finishReason: isLast ? finishReason : nil,
                         usage: usage(prompt: promptTokens, candidates: answerTokens, thoughts: thoughtTokens),
                         model: model))
        }
        if emptyFinalChunk || pieces.isEmpty {
            add(response(parts: nil, finishReason: finishReason,
                         usage: usage(prompt: promptTokens, candidates: answerTokens, thoughts: thoughtTokens),
                         model: model))
        }
        return events
    }
}
