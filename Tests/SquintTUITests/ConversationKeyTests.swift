import Imaging
import GeminiAPI
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

    @Test func theAnswerPaneShowsTheThreadAboveTheLatestQuestion() throws {
        var state = keys.loaded()
        state.answerImage = "/pics/cat.png"
        let draft = AnswerDraft(imagePath: "/pics/cat.png", task: .question, question: "How old?", text: "About two.", model: "m",
                                imageSize: PixelSize(width: 4, height: 4))
        let answer = StoredAnswer(id: 8, contentHash: "h", detectionCount: 0, draft: draft, conversationID: 3)
        let effects = state.apply(.recordLoaded(image: "/pics/cat.png", answer: answer, detections: []))
        #expect(effects.contains(.loadThread(image: "/pics/cat.png", conversation: 3)))
        _ = state.apply(.threadLoaded(image: "/pics/cat.png", conversation: 3, turns: [
            Conversation.Turn(prompt: "What breed?", modelParts: [.text("A tabby.")], answerID: 7),
            Conversation.Turn(prompt: "How old?", modelParts: [.text("About two.")], answerID: 8),
        ]))
        let content = AnswerContent.build(state).0
        guard case .markdown(let earlier, let question, let text, _) = content else { Issue.record("not markdown"); return }
        #expect(earlier == [ConversationThread.Exchange(question: "What breed?", answer: "A tabby.")])
        #expect(question.contains("How old?") && text == "About two.")
        // Laid out top to bottom: the earlier question, its answer, then the latest question over its answer.
        let lines = AnswerView.lines(content, width: 40, rawKey: "r").map { $0.spans.map(\.text).joined() }
        #expect(lines == ["› What breed?", "", "A tabby.", "", "› How old?", "", "About two."], "\(lines)")
        // Another image's thread is never shown.
        _ = state.apply(.threadLoaded(image: "/pics/a1.jpg", conversation: 3, turns: []))
        #expect(state.thread?.image == "/pics/cat.png")
    }
}

/// `T`: the detections against the image's ground truth, in a dialog; `T` again shows the next truth set.
@Suite struct TruthKeyTests {
    let keys = BatchRunTests()

    @Test func tComparesAndShowsTheDialogOrSaysThereIsNoTruth() throws {
        var state = keys.loaded()
        state.answerImage = "/pics/cat.png"
        guard case .compareTruth(let image, _, let turn)? = keys.press(&state, "T").first else { Issue.record("no effect"); return }
        #expect(image == "/pics/cat.png" && turn == 0)
        _ = state.apply(.truthCompared(image: image, comparison: nil))
        #expect(state.info?.contains("no ground truth") == true)
        let comparison = TruthComparison(truthSet: "gt", matched: 1, missed: [("lid", PixelBox(x0: 0, y0: 0, x1: 1, y1: 1))], falsePositives: [(2, "cup")])
        _ = state.apply(.truthCompared(image: image, comparison: comparison))
        #expect(state.modal == .truthComparison)
        guard case .compareTruth(_, _, let next)? = keys.press(&state, "T").first else { Issue.record("T in the dialog"); return }
        #expect(next == 1, "the next truth set")
        _ = state.apply(.truthCompared(image: image, comparison: comparison))
        _ = keys.press(&state, "x")
        #expect(state.modal == .none, "any other key closes")
    }
}
