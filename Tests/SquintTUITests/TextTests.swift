import Testing
@testable import SquintCore
@testable import SquintTUI

@Suite struct DisplayWidthTests {
    @Test func asciiCJKAndEmojiWidths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("🐱") == 2)
    }

    @Test func prefixNeverSplitsAWideCharacter() {
        #expect(DisplayWidth.prefix("日本語", fitting: 5) == "日本")
        #expect(DisplayWidth.fit("日本語", columns: 5) == "日本…")
        #expect(DisplayWidth.of(DisplayWidth.fit("日本語", columns: 4)) == 4)
        #expect(DisplayWidth.fit("ab", columns: 4) == "ab  ")
    }
}

@Suite struct NaturalOrderTests {
    @Test func numbersCompareByValue() {
        let names = ["img10.jpg", "img2.jpg", "IMG1.jpg", "img02.jpg", "a.png"]
        #expect(names.sorted(by: NaturalOrder.areInIncreasingOrder) == ["a.png", "IMG1.jpg", "img2.jpg", "img02.jpg", "img10.jpg"])
    }

    @Test func foldersComeFirst() {
        let sorted = FileEntry.sorted([
            FileEntry(name: "b.jpg", kind: .image), FileEntry(name: "z", kind: .directory), FileEntry(name: "a.jpg", kind: .image),
        ])
        #expect(sorted.map(\.name) == ["z", "a.jpg", "b.jpg"])
    }

    @Test func humanSizes() {
        #expect(FileEntry.humanSize(812) == "812 B")
        #expect(FileEntry.humanSize(3 * 1024 * 1024 + 100_000) == "3.1 MB")
    }
}

@Suite struct MarkdownLiteTests {
    @Test func boldAndCodeBecomeSpans() {
        let lines = MarkdownLite.render("a **big** cat and `code`", width: 80)
        #expect(lines.count == 1)
        #expect(lines[0].spans.contains(Span("big", .bold)))
        #expect(lines[0].spans.contains(Span("code", .code)))
        #expect(lines[0].text == "a big cat and code")
    }

    @Test func wrapsAtWordsWithinWidth() {
        let lines = MarkdownLite.render("the quick brown fox jumps over the lazy dog", width: 12)
        #expect(lines.map(\.text) == ["the quick", "brown fox", "jumps over", "the lazy dog"])
        #expect(lines.allSatisfy { $0.width <= 12 })
    }

    @Test func listItemsHangTheirIndent() {
        let lines = MarkdownLite.render("- one two three four", width: 10)
        #expect(lines.map(\.text) == ["• one two", "  three", "  four"])
        let numbered = MarkdownLite.render("12. x", width: 10)
        #expect(numbered[0].text == "12. x")
    }

    @Test func wideCharactersWrapByColumns() {
        let lines = MarkdownLite.render("日本語日本語日本語", width: 7)
        #expect(lines.allSatisfy { $0.width <= 7 })
        #expect(lines.map(\.text).joined() == "日本語日本語日本語")
    }

    @Test func fencedCodeKeepsItsLinesAndHeadingsAreStyled() {
        let lines = MarkdownLite.render("# Title\n```json\n[{\"box_2d\": [1, 2]}]\n```\nafter", width: 40)
        #expect(lines[0].spans == [Span("Title", .heading)])
        #expect(lines[1].spans == [Span("[{\"box_2d\": [1, 2]}]", .code)])
        #expect(lines[2].text == "after")
    }

    @Test func unmatchedMarkersStayLiteral() {
        #expect(MarkdownLite.render("2 ** 3 and `x", width: 40)[0].text == "2 ** 3 and `x")
    }
}

@Suite struct AnswerHintTests {
    @Test func hintsBreakBetweenItemsAndNeverOverflow() {
        let items = ["i ask", "c caption", "d detect", "s segment", "p points", "? help"]
        let narrow = AnswerView.hintLines(items, width: 30)
        #expect(narrow == ["i ask · c caption · d detect", "s segment · p points · ? help"])
        #expect(AnswerView.hintLines(items, width: 200).count == 1)
        #expect(AnswerView.hintLines(items, width: 8).allSatisfy { $0.count <= 9 })
        #expect(AnswerView.hintLines(items, width: 8).joined(separator: " · ") == items.joined(separator: " · "))
    }
}
