import TerminalGraphics
import SquintCore
import Testing
@testable import GeminiAPI
@testable import SquintTUI

/// Errors lead with what failed and keep the key for details; `E` shows everything, wrapped at words.
@Suite struct ErrorReportTests {
    static func overloaded(attempts: Int = 3) -> GeminiError {
        var error = GeminiError(.http(status: 503, rpc: RPCStatus(code: 503, message: "The model is overloaded. Please try again later.",
                                                                   status: "UNAVAILABLE"), body: nil))
        error.attempts = attempts
        error.giveUpReason = .attemptsExhausted(attempts)
        return error
    }

    func failedAsk(_ report: ErrorReport, task key: String = "c") -> AppState {
        var state = AppState(folder: "/pics", size: CellSize(columns: 80, rows: 24), model: "gemini-2.5-flash")
        _ = state.apply(.folderLoaded(path: "/pics", entries: [FileEntry(name: "a.jpg", kind: .image)]))
        _ = state.apply(.key(Key(name: key)!))
        let id = state.request!.spec.id
        _ = state.apply(.answerFailed(request: id, message: report, answer: nil))
        return state
    }

    @Test func aServerErrorBecomesActionStatusAndFacts() {
        let report = ErrorReport(Self.overloaded())
        #expect(report.reason == "503 The model is overloaded")
        #expect(!report.details.contains { $0.label == "server said" }, "the summary already quotes it whole")
        #expect(report.message.contains("The model is overloaded. Please try again later"))
        #expect(report.details.contains(.init("HTTP status", "503 UNAVAILABLE")))
        #expect(report.details.contains(.init("attempts", "3")))
        #expect(report.message.contains("gave up after 3 attempts"))
        // An AskFailure around it says the same.
        #expect(ErrorReport(AskFailure(error: Self.overloaded(), outcome: nil)) == report)
    }

    @Test func aLongOrMultiLineServerMessageIsQuotedWhole() {
        let long = String(repeating: "capacity is limited in your region; ", count: 12) + "retry later."
        for said in [long, "line one\nline two"] {
            let error = GeminiError(.http(status: 500, rpc: RPCStatus(code: 500, message: said, status: "INTERNAL"), body: nil))
            #expect(ErrorReport(error).details.first == .init("server said", said))
        }
    }

    @Test func theRequestAddsTheActionAndTheModel() {
        let state = failedAsk(ErrorReport(Self.overloaded()))
        let report = state.errorReport!
        #expect(report.action == "caption failed")
        #expect(report.details.last == .init("model", "gemini-2.5-flash"))
        #expect(state.error == report.message, "the old string view is the whole message")
    }

    @Test func theStatusLineLeadsWithTheActionAndKeepsTheKey() {
        var report = ErrorReport(Self.overloaded())
        report.action = "ask failed"
        #expect(StatusBarView.errorText(report, hint: "E", columns: 80) == " ✗ ask failed: 503 The model is overloaded — E for details")
        // Narrow: the reason is cut at a word, never the action or the key.
        let narrow = StatusBarView.errorText(report, hint: "E", columns: 48)
        #expect(narrow == " ✗ ask failed: 503 The model is… — E for details")
        #expect(DisplayWidth.of(narrow) <= 48)
        let tiny = StatusBarView.errorText(report, hint: "E", columns: 30)
        #expect(tiny.hasPrefix(" ✗ ask failed: ") && tiny.hasSuffix(" — E"), "\(tiny)")
        #expect(DisplayWidth.of(tiny) <= 30)
    }

    @Test func whatToDoSurvivesWhenAsidesAreDropped() {
        let missing = ErrorReport(action: "ask failed", message: AppState.missingKeyMessage)
        #expect(StatusBarView.errorText(missing, hint: "E", columns: 80) == " ✗ ask failed: no API key: set GEMINI_API_KEY — E for details")
        let quota = ErrorReport(action: "detect failed", message: "quota exceeded (429 RESOURCE_EXHAUSTED); gave up after 5 attempts; retry in 40 s")
        #expect(StatusBarView.errorText(quota, hint: "E", columns: 120)
                == " ✗ detect failed: quota exceeded (429 RESOURCE_EXHAUSTED); gave up after 5 attempts; retry in 40 s — E for details")
        #expect(StatusBarView.errorText(quota, hint: "E", columns: 90) == " ✗ detect failed: quota exceeded; gave up after 5 attempts; retry in 40 s — E for details")
        #expect(StatusBarView.errorText(quota, hint: "E", columns: 64) == " ✗ detect failed: quota exceeded; retry in 40 s — E for details")
        #expect(StatusBarView.shortenings(of: "no (unbalanced") == ["no (unbalanced"])
    }

    @Test("cuts fall between words", arguments: [10, 15, 20, 27, 33, 40])
    func wordCuts(columns: Int) {
        let text = "quota exceeded for gemini-2.5-pro input tokens per minute; retry in 40 s"
        let cut = WordFit.fit(text, columns: columns)
        #expect(DisplayWidth.of(cut) <= columns)
        #expect(cut.hasSuffix("…"))
        let kept = cut.dropLast()
        #expect(text.hasPrefix(kept))
        let next = text.dropFirst(kept.count).first
        #expect(next == " " || next == ";", "cut inside a word: \(cut)")
    }

    @Test func wordFitEdges() {
        #expect(WordFit.fit("short", columns: 10) == "short")
        #expect(WordFit.fit("unbreakablewordhere", columns: 8) == "unbreak…")
        #expect(WordFit.fit("a b", columns: 0) == "")
        #expect(WordFit.fit("one two; three", columns: 9) == "one two…", "no dangling semicolon")
    }

    @Test func theDialogShowsEverythingWrappedAtWordsAndSanitised() {
        var report = ErrorReport(Self.overloaded())
        report.details.append(.init("server said", "evil \u{1B}]2;title\u{07} text that goes on and on past the edge of the dialog"))
        let state = failedAsk(report, task: "c")
        let lines = DialogView.errorLines(state, width: 30)
        #expect(lines.first?.hasPrefix("caption failed: ") == true)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 30 })
        #expect(lines.allSatisfy { !$0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }, "no control characters")
        let joined = lines.joined(separator: " ")
        for needle in ["HTTP status: 503 UNAVAILABLE", "attempts: 3", "model: gemini-2.5-flash", "overloaded"] {
            #expect(joined.contains(needle), "\(needle) missing from \(lines)")
        }
        // Words are never split: every word of the message is whole on some line.
        let words = Set(lines.flatMap { $0.split(separator: " ").map(String.init) })
        for word in ["edge", "dialog", "overloaded.", "Please"] { #expect(words.contains(word), "\(word) split: \(lines)") }
        // A continuation line of a fact is indented.
        #expect(lines.contains { $0.hasPrefix("  ") })
    }

    @Test func plainMessagesStillWork() {
        var state = AppState(folder: "/pics", size: CellSize(columns: 80, rows: 24))
        _ = state.apply(.workFailed(message: "export failed: disk full\nsecond line"))
        #expect(state.errorReport?.reason == "export failed: disk full")
        #expect(state.error == "export failed: disk full\nsecond line")
        #expect(StatusBarView.errorText(state.errorReport!, hint: "E", columns: 80) == " ✗ export failed: disk full — E for details")
    }
}
