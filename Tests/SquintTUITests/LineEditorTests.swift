import Testing
@testable import SquintTUI

@Suite struct LineEditorTests {
    func typed(_ text: String) -> LineEditor {
        var editor = LineEditor()
        for c in text { _ = editor.handle(.char(c)) }
        return editor
    }

    @Test func insertsAtTheCursorAndMoves() {
        var e = typed("helo")
        _ = e.handle(.left)
        _ = e.handle(.char("l"))
        #expect(e.text == "hello")
        _ = e.handle(.ctrl("a"))
        _ = e.handle(.char(">"))
        _ = e.handle(.end)
        _ = e.handle(.char("!"))
        #expect(e.text == ">hello!")
    }

    @Test func killCommands() {
        var e = typed("find the red cups")
        _ = e.handle(.ctrl("w"))
        #expect(e.text == "find the red ")
        _ = e.handle(.ctrl("w"))
        #expect(e.text == "find the ")
        _ = e.handle(.home)
        _ = e.handle(.right)
        _ = e.handle(.ctrl("k"))
        #expect(e.text == "f")
        _ = e.handle(.end)
        _ = e.handle(.char("x"))
        _ = e.handle(.left)
        _ = e.handle(.ctrl("u"))
        #expect(e.text == "x")
        #expect(e.cursor == 0)
    }

    @Test func historyWalksBackAndRestoresTheDraft() {
        var e = typed("first")
        #expect(e.handle(.enter) == .submitted("first"))
        for c in "second" { _ = e.handle(.char(c)) }
        _ = e.handle(.enter)
        for c in "draft" { _ = e.handle(.char(c)) }
        _ = e.handle(.up)
        #expect(e.text == "second")
        _ = e.handle(.up)
        #expect(e.text == "first")
        _ = e.handle(.up)
        #expect(e.text == "first")
        _ = e.handle(.down)
        _ = e.handle(.down)
        #expect(e.text == "draft")
    }

    @Test func visibleWindowKeepsTheCursorAndWideCharacters() {
        let e = typed("日本語のテキスト")
        let (text, column) = e.visible(columns: 6)
        #expect(DisplayWidth.of(text) <= 6)
        #expect(column <= 5)
        #expect(text.hasSuffix("ト") || column == DisplayWidth.of(text))
        var short = typed("ab")
        _ = short.handle(.home)
        #expect(short.visible(columns: 10) == ("ab", 0))
    }

    @Test func unknownKeysAreIgnored() {
        var e = LineEditor()
        #expect(e.handle(.function(3)) == .ignored)
        #expect(e.handle(.backspace) == .edited)
    }
}
