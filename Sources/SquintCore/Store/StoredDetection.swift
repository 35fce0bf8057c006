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
    /// The box as a person moved or resized it; nil when unedited (the model's box stands).
    public var editedBox: PixelBox?
    /// A box a person drew that the model (or the import) did not have.
    public var isAddedByPerson: Bool

    public init(id: Int64, answerID: Int64, imagePath: String, imageSize: PixelSize, detection: Detection,
                review: ReviewState = .pending, reviewedAt: Date? = nil, editedBox: PixelBox? = nil, isAddedByPerson: Bool = false) {
        self.editedBox = editedBox
        self.isAddedByPerson = isAddedByPerson
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

    /// The box to show and export: the edited one when a person fixed it.
    public var effectiveBox: PixelBox? { editedBox ?? detection.box }
}

extension StoredDetection: Hashable {
    /// Hashes what can change for one stored detection (its review) and what identifies it, not its mask:
    /// the TUI hashes the detections it draws on every frame, and a mask never changes under the same id.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(review)
        hasher.combine(detection.box)
        hasher.combine(editedBox)
        hasher.combine(detection.label)
    }
}
