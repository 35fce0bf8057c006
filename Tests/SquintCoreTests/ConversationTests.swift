import Foundation
@testable import GeminiAPI
import Testing
@testable import SquintCore

/// Follow-up questions: each turn is stored with the model's parts exactly as they came, and the next request
/// carries the earlier turns — images with the first question, every thought signature unchanged.
@Suite("Conversations")
struct ConversationTests {
    @Test("a streamed answer keeps its parts with the signature on the part it came with")
    func partsFromStream() {
        var answer = GeminiAnswer()
        for event: StreamEvent in [.text("A tab"), .text("by cat."), .signature("c2lnLTE="), .signature("c2lnLTI=")] { answer.apply(event) }
        #expect(answer.parts == [Part(text: "A tab"), Part(text: "by cat.", thoughtSignature: "c2lnLTE="), Part(text: "", thoughtSignature: "c2lnLTI=")])
        #expect(answer.text == "A tabby cat.")
    }

    @Test("a follow-up sends the images with the first question, the model's parts byte for byte, then the new question")
    func followUp() async throws {
        let fixture = try AskPipelineTests.Fixture()
        let signature = "CiQBjz1rX4/+signature=="
        let provider = ScriptedProvider([
            ScriptedProvider.Script(events: [.text("A tabby."), .signature(signature), .finish(.stop)]),
            ScriptedProvider.answer("About two years."),
        ])
        let pipeline = fixture.pipeline(provider)
        let first = try await pipeline.ask(Question(task: .question, imagePaths: [fixture.image], words: "What breed is it?", model: "gemini-3-flash-preview"))
        let id = try #require(first.conversationID)
        #expect(first.stored?.conversationID == id, "the stored answer the front ends get names its conversation")
        var followUp = Question(task: .question, imagePaths: [], words: "How old does it look?", model: "gemini-3-flash-preview")
        followUp.conversationID = id
        let second = try await pipeline.ask(followUp)
        #expect(second.conversationID == id)
        #expect(second.images.map(\.path) == [Store.canonicalPath(fixture.image)], "the conversation's images came with it")

        let contents = try #require(provider.requests.last?.generateContentRequest.contents)
        #expect(contents.map(\.role) == ["user", "model", "user"])
        #expect(contents[0].parts.first?.inlineData != nil)
        #expect(contents[0].parts.last?.text == "What breed is it?")
        #expect(contents[1].parts == [Part(text: "A tabby.", thoughtSignature: signature)])
        #expect(contents[2].parts == [Part(text: "How old does it look?")])
        // The wire JSON carries the signature unchanged.
        let json = String(decoding: try JSONEncoder().encode(provider.requests.last!.generateContentRequest), as: UTF8.self)
        #expect(json.contains(#""thoughtSignature":"CiQBjz1rX4\/+signature==""#) || json.contains(#""thoughtSignature":"CiQBjz1rX4/+signature==""#))

        // Restored from the store, as a new process would: both turns, in order.
        let stored = try #require(try await fixture.store.conversation(id: id))
        #expect(stored.turns.map(\.prompt) == ["What breed is it?", "How old does it look?"])
        #expect(stored.turns[0].modelParts.first?.thoughtSignature == signature)
        #expect(try await fixture.store.latestConversation()?.id == id)
    }

    @Test("the TUI's questions continue the latest conversation about the same images with the same model")
    func continuesTheImagesConversation() async throws {
        let fixture = try AskPipelineTests.Fixture()
        let provider = ScriptedProvider([ScriptedProvider.answer("A tabby."), ScriptedProvider.answer("Two."), ScriptedProvider.answer("Hm.")])
        let pipeline = fixture.pipeline(provider)
        var question = Question(task: .question, imagePaths: [fixture.image], words: "What breed?", model: "gemini-2.5-flash")
        question.continuesImageConversation = true
        let first = try await pipeline.ask(question)
        question.words = "How old?"
        let second = try await pipeline.ask(question)
        #expect(second.conversationID == first.conversationID)
        #expect(provider.requests[1].generateContentRequest.contents.count == 3)
        // Another model starts its own thread (signatures belong to the model that made them).
        question.model = "gemini-2.5-pro"
        let other = try await pipeline.ask(question)
        #expect(other.conversationID != first.conversationID)
    }

    @Test("a conversation that does not exist is a usage error; spatial tasks start none")
    func missingAndSpatial() async throws {
        let fixture = try AskPipelineTests.Fixture()
        let provider = ScriptedProvider([ScriptedProvider.answer("[]")])
        var question = Question(task: .question, imagePaths: [], words: "and now?", model: "m")
        question.conversationID = 999
        let failure = await #expect(throws: AskFailure.self) { try await fixture.pipeline(provider).ask(question) }
        #expect((failure?.error as? AskError)?.isUsageError == true)
        let detect = try await fixture.pipeline(provider).ask(Question(task: .detect, imagePaths: [fixture.image], model: "gemini-2.5-flash"))
        #expect(detect.conversationID == nil)
    }
}
