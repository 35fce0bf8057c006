import Foundation
import Imaging

/// A saved question and its answer.
public struct StoredAnswer: Sendable, Equatable {
    public var id: Int64
    public var imagePath: String
    /// The other images of a multi-image question.
    public var otherImagePaths: [String]
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
