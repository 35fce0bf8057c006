import Foundation

/// A saved answer: the draft as it was saved, plus what the store adds (its id, the image's content hash when
/// it was asked about, how many detections it holds). Reads the draft's fields directly: `stored.question`.
@dynamicMemberLookup
public struct StoredAnswer: Sendable, Equatable {
    public var id: Int64
    public var contentHash: String
    public var detectionCount: Int
    public var draft: AnswerDraft
    /// The conversation this answer is a turn of (set once the turn is recorded).
    public var conversationID: Int64?

    public init(id: Int64, contentHash: String, detectionCount: Int, draft: AnswerDraft, conversationID: Int64? = nil) {
        self.conversationID = conversationID
        self.id = id
        self.contentHash = contentHash
        self.detectionCount = detectionCount
        self.draft = draft
    }

    public subscript<Value>(dynamicMember keyPath: KeyPath<AnswerDraft, Value>) -> Value { draft[keyPath: keyPath] }
}
