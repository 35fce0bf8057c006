import Imaging

/// The result of undoing a review event.
public struct UndoneReview: Sendable, Equatable {
    /// What kind of event was taken back.
    public enum Change: Sendable, Equatable {
        /// A decision (accept, reject, relabel): only the review state changed back.
        case decision
        /// A box edit: the box is back to `restoredBox` (nil: the model's own box stands again).
        case boxEdit(restoredBox: PixelBox?)
        /// A box a person added: the detection is gone from the store.
        case addition
    }

    public var detectionID: Int64
    /// The state the detection is back in.
    public var restored: ReviewState
    /// The decision that was taken back.
    public var undone: ReviewState
    public var change: Change

    public init(detectionID: Int64, restored: ReviewState, undone: ReviewState, change: Change = .decision) {
        self.detectionID = detectionID
        self.restored = restored
        self.undone = undone
        self.change = change
    }
}
