import Foundation
import Imaging

/// What to save after a question was answered.
public struct AnswerDraft: Sendable, Equatable {
    /// The image the detections refer to (the first image of a multi-image question).
    public var imagePath: String
    /// The other images of a multi-image question, in order; their history lists this answer too.
    public var otherImagePaths: [String] = []
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

    public init(imagePath: String, otherImagePaths: [String] = [], task: String, question: String, text: String, model: String,
                usage: TokenUsage? = nil, imageSize: PixelSize, warnings: [String] = [], createdAt: Date = Date()) {
        self.imagePath = imagePath
        self.otherImagePaths = otherImagePaths
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
