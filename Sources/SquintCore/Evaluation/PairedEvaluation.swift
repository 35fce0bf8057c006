/// Two sources joined into one evaluation set, with what was left out on the way, worded for a person.
public struct PairedEvaluation: Sendable {
    public var set: EvaluationSet
    /// The evaluated images' names (a stored path when either side is the store, else the truth's `file_name`).
    public var imageNames: [String]
    /// One line each: images or boxes left out and why, how predictions without scores were ranked.
    public var notes: [String]
    /// Predictions had no scores and are ranked by their place in their image's list.
    public var isRankedByOrder: Bool

    public init(set: EvaluationSet, imageNames: [String], notes: [String], isRankedByOrder: Bool) {
        self.set = set
        self.imageNames = imageNames
        self.notes = notes
        self.isRankedByOrder = isRankedByOrder
    }
}
