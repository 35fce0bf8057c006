import Foundation
import Imaging

/// One image's marks for the browser: has it been asked about, and does anything wait for review.
public struct ImageStatus: Sendable, Equatable {
    public var path: String
    public var answerCount: Int
    public var detectionCount: Int
    public var pendingCount: Int
    public var acceptedCount: Int
    public var hasAnswer: Bool { answerCount > 0 }
    public var hasPendingReview: Bool { pendingCount > 0 }
}
