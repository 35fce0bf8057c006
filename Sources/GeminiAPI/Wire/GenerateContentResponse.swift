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

/// One generated answer.
public struct Candidate: Sendable, Hashable {
    public var content: Content?
    public var finishReason: FinishReason?
    public var finishMessage: String?
    public var safetyRatings: [SafetyRating]
    public var index: Int?

    public init(
        content: Content? = nil, finishReason: FinishReason? = nil, finishMessage: String? = nil,
        safetyRatings: [SafetyRating] = [], index: Int? = nil
    ) {
        self.content = content
        self.finishReason = finishReason
        self.finishMessage = finishMessage
        self.safetyRatings = safetyRatings
        self.index = index
    }
}

extension Candidate: Codable {
    enum CodingKeys: String, CodingKey { case content, finishReason, finishMessage, safetyRatings, index }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        content = container.lenient(Content.self, .content)
        finishReason = container.lenient(FinishReason.self, .finishReason)
        finishMessage = container.lenient(String.self, .finishMessage)
        safetyRatings = container.lenientArray(SafetyRating.self, .safetyRatings) ?? []
        index = container.lenientInt32(.index)
    }
}

/// Feedback on the prompt: set when the prompt was blocked.
public struct PromptFeedback: Sendable, Hashable {
    public var blockReason: BlockReason?
    public var blockReasonMessage: String?
    public var safetyRatings: [SafetyRating]

    public init(blockReason: BlockReason? = nil, blockReasonMessage: String? = nil, safetyRatings: [SafetyRating] = []) {
        self.blockReason = blockReason
        self.blockReasonMessage = blockReasonMessage
        self.safetyRatings = safetyRatings
    }
}

extension PromptFeedback: Codable {
    enum CodingKeys: String, CodingKey { case blockReason, blockReasonMessage, safetyRatings }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        blockReason = container.lenient(BlockReason.self, .blockReason)
        blockReasonMessage = container.lenient(String.self, .blockReasonMessage)
        safetyRatings = container.lenientArray(SafetyRating.self, .safetyRatings) ?? []
    }
}

/// A safety verdict for one category.
public struct SafetyRating: Sendable, Hashable {
    public var category: HarmCategory?
    public var probability: HarmProbability?
    public var blocked: Bool?
}

extension SafetyRating: Codable {
    enum CodingKeys: String, CodingKey { case category, probability, blocked }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        category = container.lenient(HarmCategory.self, .category)
        probability = container.lenient(HarmProbability.self, .probability)
        blocked = container.lenient(Bool.self, .blocked)
    }
}

/// Token counts of a request and its answer.
public struct UsageMetadata: Sendable, Hashable {
    public var promptTokenCount: Int?
    public var candidatesTokenCount: Int?
    public var thoughtsTokenCount: Int?
    public var cachedContentTokenCount: Int?
    public var toolUsePromptTokenCount: Int?
    public var totalTokenCount: Int?

    public init(
        promptTokenCount: Int? = nil, candidatesTokenCount: Int? = nil, thoughtsTokenCount: Int? = nil,
        cachedContentTokenCount: Int? = nil, toolUsePromptTokenCount: Int? = nil, totalTokenCount: Int? = nil
    ) {
        self.promptTokenCount = promptTokenCount
        self.candidatesTokenCount = candidatesTokenCount
        self.thoughtsTokenCount = thoughtsTokenCount
        self.cachedContentTokenCount = cachedContentTokenCount
        self.toolUsePromptTokenCount = toolUsePromptTokenCount
        self.totalTokenCount = totalTokenCount
    }
}

extension UsageMetadata: Codable {
    enum CodingKeys: String, CodingKey {
        case promptTokenCount, candidatesTokenCount, thoughtsTokenCount, cachedContentTokenCount
        case toolUsePromptTokenCount, totalTokenCount
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        promptTokenCount = container.lenientInt32(.promptTokenCount)
        candidatesTokenCount = container.lenientInt32(.candidatesTokenCount)
        thoughtsTokenCount = container.lenientInt32(.thoughtsTokenCount)
        cachedContentTokenCount = container.lenientInt32(.cachedContentTokenCount)
        toolUsePromptTokenCount = container.lenientInt32(.toolUsePromptTokenCount)
        totalTokenCount = container.lenientInt32(.totalTokenCount)
    }
}
