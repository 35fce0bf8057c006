import Imaging
import SquintCore
import Testing
@testable import SquintTUI

/// Questions typed in the TUI continue the image's conversation; `ctrl-n` makes the next one start anew.
@Suite struct ConversationKeyTests {
    let keys = BatchRunTests()

    func ask(_ state: inout AppState, _ text: String) -> Question? {
        _ = keys.press(&state, "i")
        keys.type(&state, text)
        guard case .startRequest(let spec)? = keys.press(&state, "enter").first else { return nil }
        _ = state.apply(.answerFinished(request: spec.id, answer: nil, detections: [], notes: []))
        _ = keys.press(&state, "esc")
        return spec.question
    }

    @Test func questionsContinueTheImagesConversationUntilCtrlN() throws {
        var state = keys.loaded()
        _ = keys.press(&state, "j")
        let first = try #require(ask(&state, "what breed is it?"))
        #expect(first.continuesImageConversation)
        _ = keys.press(&state, "ctrl-n")
        #expect(state.info == "the next question starts a new conversation")
        let fresh = try #require(ask(&state, "what is it?"))
        #expect(!fresh.continuesImageConversation)
        let again = try #require(ask(&state, "and its age?"))
        #expect(again.continuesImageConversation, "only the next question starts anew")
        // Spatial tasks never continue one.
        _ = keys.press(&state, "d")
        keys.type(&state, "cups")
        guard case .startRequest(let spec)? = keys.press(&state, "enter").first else { Issue.record("no request"); return }
        #expect(!spec.question.continuesImageConversation)
    }
}
