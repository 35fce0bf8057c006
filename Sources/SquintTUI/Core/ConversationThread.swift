import SquintCore

/// The conversation of the answer on screen: the answer pane shows its earlier turns above the answer.
public struct ConversationThread: Sendable, Equatable {
    public var image: String
    public var id: Int64
    public var turns: [Conversation.Turn]

    /// The thread as Markdown above an answer: each earlier question in bold with its answer.
    public func markdown(before answerID: Int64?) -> String {
        earlier(than: answerID).map { "**› \($0.question)**\n\n\($0.answer)\n\n" }.joined()
    }

    /// The turns before the one that gave `answerID` (all of them when it is not among them: a follow-up is
    /// still streaming), as question and answer text.
    public func earlier(than answerID: Int64?) -> [(question: String, answer: String)] {
        let end = answerID.flatMap { id in turns.firstIndex { $0.answerID == id } } ?? turns.count
        return turns.prefix(end).map { turn in
            (turn.prompt, turn.modelParts.compactMap(\.text).joined())
        }
    }
}
