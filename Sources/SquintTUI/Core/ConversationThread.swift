import SquintCore

/// The conversation of the answer on screen: the answer pane shows its earlier turns above the answer.
public struct ConversationThread: Sendable, Equatable {
    public var image: String
    public var id: Int64
    public var turns: [Conversation.Turn]

    /// One earlier question and the model's answer text, as the answer pane shows it.
    public struct Exchange: Sendable, Equatable {
        public var question: String
        public var answer: String
    }

    /// The turns before the one that gave `answerID` (all of them when it is not among them: a follow-up is
    /// still streaming).
    public func earlier(than answerID: Int64?) -> [Exchange] {
        let end = answerID.flatMap { id in turns.firstIndex { $0.answerID == id } } ?? turns.count
        return turns.prefix(end).map { turn in
            Exchange(question: turn.prompt, answer: turn.modelParts.compactMap(\.text).joined())
        }
    }
}
