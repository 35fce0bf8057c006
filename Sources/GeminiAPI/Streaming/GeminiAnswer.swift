/// A whole answer, folded from stream events or taken from a unary response.
///
/// The CLI's `--json` output and the TUI's answer pane both need the same totals; folding here keeps
/// "usage is cumulative, last one wins" and "thoughts are not answer text" in one place.
public struct GeminiAnswer: Sendable, Hashable {
    public var text = ""
    public var thoughts = ""
    public var usage: UsageMetadata?
    public var finishReason: FinishReason?
    public var modelVersion: String?
    public var blockReason: BlockReason?
    public var blockMessage: String?
    /// Retries that happened before the answer started.
    public var retries = 0
    /// The answer's parts as they arrived (one per text piece), each with its `thoughtSignature`: the model turn
    /// a follow-up question sends back unchanged.
    public var parts: [Part] = []
    /// Whether the last event was answer text, so a signature after it belongs to that part.
    private var lastWasText = false

    public init() {}

    public init(response: GenerateContentResponse) {
        text = response.text
        thoughts = response.thoughtText
        parts = (response.candidates.first?.content?.parts ?? []).filter { !$0.isThought && ($0.text != nil || $0.thoughtSignature != nil) }
            .map { Part(text: $0.text ?? "", thoughtSignature: $0.thoughtSignature) }
        usage = response.usageMetadata
        finishReason = response.finishReason
        modelVersion = response.modelVersion
        blockReason = response.blockReason
        blockMessage = response.blockReason == nil ? nil : response.promptFeedback?.blockReasonMessage
    }

    public mutating func apply(_ event: StreamEvent) {
        defer { if case .text = event { lastWasText = true } else { lastWasText = false } }
        switch event {
        case .text(let piece):
            text += piece
            parts.append(Part(text: piece))
        case .signature(let signature):
            if lastWasText, !parts.isEmpty {
                parts[parts.count - 1].thoughtSignature = signature
            } else {
                parts.append(Part(text: "", thoughtSignature: signature))
            }
        case .thought(let piece): thoughts += piece
        case .usage(let value): usage = value
        case .finish(let reason): finishReason = reason
        case .modelVersion(let version): modelVersion = version
        case .blocked(let reason, let message):
            blockReason = reason
            blockMessage = message
        case .retrying: retries += 1
        }
    }

    /// The prompt or the answer was stopped by a safety filter.
    public var isBlocked: Bool {
        blockReason != nil || (finishReason?.isBlocking ?? false)
    }

    /// The blocked outcome as an error, for callers that report it as a failure.
    public var blockedError: GeminiError? {
        if let blockReason { return .blocked(reason: blockReason.rawValue, message: blockMessage) }
        if let finishReason, finishReason.isBlocking, text.isEmpty { return .blocked(reason: finishReason.rawValue) }
        return nil
    }
}

extension GeminiAnswer: Encodable {
    enum CodingKeys: String, CodingKey {
        case text, thoughts, usage, finishReason, modelVersion, blockReason, blockMessage, retries
    }

    /// camelCase keys, absent values omitted: ready for `squint ask --json`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        if !thoughts.isEmpty { try container.encode(thoughts, forKey: .thoughts) }
        try container.encodeIfPresent(usage, forKey: .usage)
        try container.encodeIfPresent(finishReason, forKey: .finishReason)
        try container.encodeIfPresent(modelVersion, forKey: .modelVersion)
        try container.encodeIfPresent(blockReason, forKey: .blockReason)
        try container.encodeIfPresent(blockMessage, forKey: .blockMessage)
        try container.encode(retries, forKey: .retries)
    }
}
