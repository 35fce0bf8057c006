/// What `Store.saveAnswer` did: the new answer's id and, for a spatial answer, what happened to the set it replaced.
public struct SavedAnswer: Sendable, Equatable {
    public var answerID: Int64
    /// The first image's SHA-256 when it was saved.
    public var contentHash: String
    /// Detections of the previous current set, now history.
    public var replacedCount: Int
    /// Review decisions of the previous set that moved to a matching new detection.
    public var carriedDecisions: Int
    /// Review decisions of the previous set with no matching new detection (still in history).
    public var droppedDecisions: Int

    /// One line for a person, or nil when nothing reviewed was replaced.
    public var replacementSummary: String? {
        guard carriedDecisions + droppedDecisions > 0 else { return nil }
        var line = "replaced \(replacedCount) earlier detection\(replacedCount == 1 ? "" : "s"); "
        line += "\(carriedDecisions) review decision\(carriedDecisions == 1 ? "" : "s") carried over"
        if droppedDecisions > 0 { line += ", \(droppedDecisions) had no matching box (kept in history)" }
        return line
    }
}
