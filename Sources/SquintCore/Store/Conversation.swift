import Foundation
import GeminiAPI

/// A thread of questions about the same images: every turn's prompt and the model's answer parts exactly as
/// they came (Gemini 3's `thoughtSignature`s must go back unchanged, or the next turn is a 400).
public struct Conversation: Sendable, Equatable {
    public struct Turn: Sendable, Equatable {
        /// The text sent (the person's question).
        public var prompt: String
        /// The model's parts, byte for byte.
        public var modelParts: [GeminiAPI.Part]
        public var answerID: Int64?

        public init(prompt: String, modelParts: [GeminiAPI.Part], answerID: Int64? = nil) {
            self.prompt = prompt
            self.modelParts = modelParts
            self.answerID = answerID
        }
    }

    public var id: Int64
    public var model: String
    /// The images of the first turn; every later turn is about them too.
    public var imagePaths: [String]
    public var turns: [Turn]
    public var updatedAt: Date
}
