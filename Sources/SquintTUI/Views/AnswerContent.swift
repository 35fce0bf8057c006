import SquintCore

/// What the answer pane shows, taken from the state without touching the answer's text: cheap to build on
/// every frame, and `Sendable`, so that laying out a long answer can happen off the curses thread.
enum AnswerContent: Sendable, Equatable {
    /// Nothing asked about this image yet (or no image).
    case empty
    /// A caption or question: the conversation's earlier exchanges, each under its own question, then the
    /// question and its answer as Markdown. `note` follows it (an incomplete answer's reason).
    case markdown(earlier: [ConversationThread.Exchange], question: String, text: String, note: String?)
    /// The raw answer of a spatial task (the raw-answer key), masks abbreviated.
    case raw(question: String, text: String, note: String?)
    /// A spatial answer still streaming: how far it has got, never its JSON.
    case progress(question: String, task: AskTask, labels: [String], unusable: Int, bytes: Int)
    /// A spatial answer as it ended, or as stored.
    case summary(question: String, SpatialSummary)

    /// Where the text comes from and how much of it there is: with the mode, enough to tell whether a layout
    /// is still right without comparing the (possibly megabytes of) text itself.
    struct Identity: Sendable, Hashable {
        enum Source: Sendable, Hashable { case none, request(Int), stored(Int64) }
        var source: Source
        var textBytes: Int
        var mode: Int
        var detail: Int
    }

    /// The bytes of text a layout has to read: what decides whether it runs off the curses thread.
    var layoutCost: Int {
        switch self {
        case .markdown(let earlier, _, let text, _): earlier.reduce(text.utf8.count) { $0 + $1.question.utf8.count + $1.answer.utf8.count }
        case .raw(_, let text, _): text.utf8.count
        case .empty, .progress, .summary: 0
        }
    }

    static func build(_ state: AppState) -> (AnswerContent, Identity) {
        if let request = state.request, request.image == state.answerImage {
            let question = request.spec.question
            let words = question.words.flatMap { $0.isEmpty ? nil : $0 } ?? (question.task.isSpatial ? TaskPrompt.defaultSubject(question.task) : question.task.rawValue)
            let heading = AppState.heading(task: question.task, words: words, images: question.imagePaths)
            let source = Identity.Source.request(request.spec.id)
            let bytes = request.text.utf8.count
            guard question.task.isSpatial, let stream = request.spatial else {
                // A follow-up streams below the conversation's earlier turns.
                let earlier = question.continuesImageConversation && state.thread?.image == state.answerImage
                    ? state.thread?.earlier(than: nil) ?? [] : []
                return (.markdown(earlier: earlier, question: heading, text: request.text, note: nil),
                        Identity(source: source, textBytes: bytes, mode: 0, detail: earlier.count))
            }
            if state.showRawAnswer {
                return (.raw(question: heading, text: request.text, note: nil), Identity(source: source, textBytes: bytes, mode: 1, detail: 0))
            }
            let labels = stream.items.compactMap { $0.value == nil ? nil : ($0.label ?? "object") }
            let unusable = stream.items.count - labels.count
            return (.progress(question: heading, task: question.task, labels: labels, unusable: unusable, bytes: bytes),
                    Identity(source: source, textBytes: bytes, mode: 2, detail: stream.items.count))
        }
        guard let stored = state.storedAnswer else { return (.empty, Identity(source: .none, textBytes: 0, mode: 0, detail: 0)) }
        let heading = AppState.heading(task: stored.task, words: stored.question, images: stored.imagePaths)
        let note = stored.isComplete ? nil : "(incomplete: \(stored.error ?? "the answer broke off"))"
        let source = Identity.Source.stored(stored.id)
        let bytes = stored.text.utf8.count
        guard stored.task.isSpatial else {
            let earlier = stored.conversationID != nil && state.thread?.id == stored.conversationID && state.thread?.image == state.answerImage
                ? state.thread?.earlier(than: stored.id) ?? [] : []
            return (.markdown(earlier: earlier, question: heading, text: stored.text, note: note),
                    Identity(source: source, textBytes: bytes, mode: 0, detail: earlier.count * 2 + (note == nil ? 0 : 1)))
        }
        if state.showRawAnswer {
            return (.raw(question: heading, text: stored.text, note: note), Identity(source: source, textBytes: bytes, mode: 1, detail: note == nil ? 0 : 1))
        }
        let own = state.detections.filter { $0.answerID == stored.id }
        let summary = SpatialSummary(answer: stored, detections: own)
        return (.summary(question: heading, summary), Identity(source: source, textBytes: bytes, mode: 3, detail: summary.hashValue))
    }
}
