import Foundation
import Imaging

/// An image the store knows, identified by its absolute path; the content hash tells whether it changed.
public struct StoredImage: Sendable, Equatable {
    public var id: Int64
    public var path: String
    /// Lower-case hex SHA-256 of the file's bytes.
    public var contentHash: String
    public var byteSize: Int64
    public var modified: Date
}

/// What to save after a question was answered.
public struct AnswerDraft: Sendable, Equatable {
    public var imagePath: String
    /// `caption`, `detect`, `segment`, `point` or `question`.
    public var task: String
    public var question: String
    public var text: String
    public var model: String
    public var usage: TokenUsage?
    /// The upright original's size, which the detections' pixels refer to.
    public var imageSize: PixelSize
    public var warnings: [String]
    public var createdAt: Date

    public init(imagePath: String, task: String, question: String, text: String, model: String, usage: TokenUsage? = nil,
                imageSize: PixelSize, warnings: [String] = [], createdAt: Date = Date()) {
        self.imagePath = imagePath
        self.task = task
        self.question = question
        self.text = text
        self.model = model
        self.usage = usage
        self.imageSize = imageSize
        self.warnings = warnings
        self.createdAt = createdAt
    }
}

/// A saved question and its answer.
public struct StoredAnswer: Sendable, Equatable {
    public var id: Int64
    public var imagePath: String
    public var contentHash: String
    public var task: String
    public var question: String
    public var text: String
    public var model: String
    public var usage: TokenUsage?
    public var imageSize: PixelSize
    public var warnings: [String]
    public var createdAt: Date
    public var detectionCount: Int
}

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

/// The result of undoing a review action.
public struct UndoneReview: Sendable, Equatable {
    public var detectionID: Int64
    /// The state the detection is back in.
    public var restored: ReviewState
}
