/// One `generateContent` answer, or one chunk of a streamed answer.
///
/// Every field may be missing. When the prompt itself is refused there are no candidates and
/// `promptFeedback.blockReason` says why: see `blockReason`.
public struct GenerateContentResponse: Sendable, Hashable {
    public var candidates: [Candidate]
    public var promptFeedback: PromptFeedback?
    /// Token counts so far. In a stream each chunk repeats the running totals: the last one wins.
    public var usageMetadata: UsageMetadata?
    public var modelVersion: String?
    public var responseId: String?

    public init(
        candidates: [Candidate] = [], promptFeedback: PromptFeedback? = nil, usageMetadata: UsageMetadata? = nil,
        modelVersion: String? = nil, responseId: String? = nil
    ) {
        self.candidates = candidates
        self.promptFeedback = promptFeedback
        self.usageMetadata = usageMetadata
        self.modelVersion = modelVersion
        self.responseId = responseId
    }

    /// The answer text of the first candidate, thoughts excluded.
    public var text: String {
        candidates.first?.content?.parts.filter { !$0.isThought }.compactMap(\.text).joined() ?? ""
    }

    /// The reasoning summary of the first candidate (`thought: true` parts).
    public var thoughtText: String {
        candidates.first?.content?.parts.filter(\.isThought).compactMap(\.text).joined() ?? ""
    }

    /// Why the prompt was refused, when it was: a block reason and no candidates.
    public var blockReason: BlockReason? {
        guard candidates.isEmpty else { return nil }
        return promptFeedback?.blockReason
    }

    /// The first candidate's finish reason.
    public var finishReason: FinishReason? { candidates.first?.finishReason }
}

extension GenerateContentResponse: Codable {
    enum CodingKeys: String, CodingKey { case candidates, promptFeedback, usageMetadata, modelVersion, responseId }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        candidates = container.lenientArray(Candidate.self, .candidates) ?? []
        promptFeedback = container.lenient(PromptFeedback.self, .promptFeedback)
        usageMetadata = container.lenient(UsageMetadata.self, .usageMetadata)
        modelVersion = container.lenient(String.self, .modelVersion)
        responseId = container.lenient(String.self, .responseId)
    }
}
