import Foundation
import Imaging

/// The result of undoing a review action.
public struct UndoneReview: Sendable, Equatable {
    public var detectionID: Int64
    /// The state the detection is back in.
    public var restored: ReviewState
}
