/// The result of undoing a review decision.
public struct UndoneReview: Sendable, Equatable {
    public var detectionID: Int64
    /// The state the detection is back in.
    public var restored: ReviewState
    /// The decision that was taken back.
    public var undone: ReviewState

    public init(detectionID: Int64, restored: ReviewState, undone: ReviewState) {
        self.detectionID = detectionID
        self.restored = restored
        self.undone = undone
    }
}
