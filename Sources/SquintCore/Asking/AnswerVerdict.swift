import GeminiAPI

/// The one policy for answers that did not end normally, so the CLI, the TUI and batches agree:
/// - a blocked prompt, or an answer cut by a safety filter (even after some text), is a `blocked` failure
///   (exit status 5); text that arrived is kept, saved as incomplete;
/// - an answer that stopped for another reason (`MAX_TOKENS`, `RECITATION`'s neighbours that are not
///   safety…) stands, with a note saying why it is short.
enum AnswerVerdict: Equatable {
    case complete
    case stoppedEarly(String)
    case blocked(GeminiError)

    static func judge(_ answer: GeminiAnswer) -> AnswerVerdict {
        if let reason = answer.blockReason {
            return .blocked(.blocked(reason: reason.rawValue, message: answer.blockMessage))
        }
        if let reason = answer.finishReason {
            if reason.isBlocking {
                return .blocked(.blocked(reason: reason.rawValue, message: "the answer was cut short by the safety filters"))
            }
            if reason != .stop { return .stoppedEarly("the answer stopped early: \(reason.rawValue)") }
        }
        return .complete
    }
}
