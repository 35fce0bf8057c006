import Foundation
import Imaging

/// A saved detection with its review state: the one type every front end shows, reviews and exports.
public struct StoredDetection: Sendable, Equatable {
    public var id: Int64
    public var answerID: Int64
    public var imagePath: String
    public var imageSize: PixelSize
    public var detection: Detection
    public var review: ReviewState
    public var reviewedAt: Date?

    public init(id: Int64, answerID: Int64, imagePath: String, imageSize: PixelSize, detection: Detection,
                review: ReviewState = .pending, reviewedAt: Date? = nil) {
        self.id = id
        self.answerID = answerID
        self.imagePath = imagePath
        self.imageSize = imageSize
        self.detection = detection
        self.review = review
        self.reviewedAt = reviewedAt
    }

    /// The label to show and export: the new label when relabelled.
    public var effectiveLabel: String { review.newLabel ?? detection.label }
}

extension StoredDetection: Hashable {
    /// Hashes what can change for one stored detection (its review) and what identifies it, not its mask:
    /// the TUI hashes the detections it draws on every frame, and a mask never changes under the same id.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(review)
        hasher.combine(detection.box)
        hasher.combine(detection.label)
    }
}
