import Foundation

/// Turns SSE outputs into `StreamEvent`s: decodes each chunk leniently, detects errors sent inside a
/// 200 stream, and remembers what was delivered (answer length for a mid-stream error, the last usage
/// and model version so repeats are not re-sent).
struct StreamChunkDecoder: Sendable {
    let redactor: KeyRedactor
    private(set) var answerLength = 0
    private(set) var deliveredAnything = false
    /// A finish reason or a block verdict arrived: the answer is complete.
    private(set) var isComplete = false
    private var lastUsage: UsageMetadata?
    private var modelVersion: String?

    init(redactor: KeyRedactor) {
        self.redactor = redactor
    }

    mutating func events(from output: SSEParser.Output) throws(GeminiError) -> [StreamEvent] {
        switch output {
        case .event(let event):
            let text = event.data.trimmingCharacters(in: .whitespacesAndNewlines)
            // The service never sends `[DONE]`; OpenAI-style gateways do, and it means nothing more than EOF.
            if text.isEmpty || text == "[DONE]" { return [] }
            if let status = Self.errorStatus(in: text) { throw GeminiError(.streamError(redact(status))) }
            guard let response = try? JSONDecoder().decode(GenerateContentResponse.self, from: Data(text.utf8)) else {
                throw GeminiError(.invalidResponse("a stream event is not JSON: " + oneLine(redactor.redact(text), limit: 120)))
            }
            return events(from: response)
        case .bareJSON(let text):
            if let status = Self.errorStatus(in: text) { throw GeminiError(.streamError(redact(status))) }
            if let response = try? JSONDecoder().decode(GenerateContentResponse.self, from: Data(text.utf8)) {
                return events(from: response)
            }
            // Without `alt=sse` (a gateway that drops the query) the service answers one JSON array of chunks.
            if let responses = try? JSONDecoder().decode([GenerateContentResponse].self, from: Data(text.utf8)) {
                return responses.flatMap { events(from: $0) }
            }
            throw GeminiError(.invalidResponse("unexpected text in the stream: " + oneLine(redactor.redact(text), limit: 120)))
        }
    }

    mutating func events(from response: GenerateContentResponse) -> [StreamEvent] {
        var events: [StreamEvent] = []
        if let version = response.modelVersion, version != modelVersion {
            modelVersion = version
            events.append(.modelVersion(version))
        }
        for part in response.candidates.first?.content?.parts ?? [] {
            if let text = part.text, !text.isEmpty {
                if part.isThought {
                    events.append(.thought(text))
                } else {
                    answerLength += text.count
                    events.append(.text(text))
                }
            }
            if let signature = part.thoughtSignature, !signature.isEmpty, !part.isThought { events.append(.signature(signature)) }
        }
        if let reason = response.blockReason {
            isComplete = true
            events.append(.blocked(reason, message: response.promptFeedback?.blockReasonMessage))
        }
        if let usage = response.usageMetadata, usage != lastUsage {
            lastUsage = usage
            events.append(.usage(usage))
        }
        if let reason = response.finishReason {
            isComplete = true
            events.append(.finish(reason))
        }
        if !events.isEmpty { deliveredAnything = true }
        return events
    }

    /// The `google.rpc.Status` of `{"error": …}` or `[{"error": …}]`, when the text is one.
    static func errorStatus(in text: String) -> RPCStatus? {
        let bytes = Data(text.utf8)
        if let envelope = try? JSONDecoder().decode(RPCErrorEnvelope.self, from: bytes) { return envelope.error }
        if let envelopes = try? JSONDecoder().decode([RPCErrorEnvelope].self, from: bytes) { return envelopes.first?.error }
        return nil
    }

    private func redact(_ status: RPCStatus) -> RPCStatus {
        redactor.redact(status)
    }
}
