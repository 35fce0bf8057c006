import Foundation
import Imaging

/// A saved detection with its review state.
public struct StoredDetection: Sendable, Equatable {
    public var id: Int64
    public var answerID: Int64
    public var imagePath: String
    public var imageSize: PixelSize
    public var detection: Detection
    public var review: ReviewState
    public var reviewedAt: Date?

    /// The label to export: the new label when relabelled.
    public var effectiveLabel: String { review.newLabel ?? detection.label }
}
