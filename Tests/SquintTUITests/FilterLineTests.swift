import TerminalGraphics
import Testing
@testable import SquintCore
@testable import SquintTUI

/// The filter as a visible input: its line on the prompt row and the matched characters in the list.
@Suite struct FilterLineTests {
    static let entries: [FileEntry] = [
        FileEntry(name: "sub", kind: .directory),
        FileEntry(name: "a.jpg", kind: .image), FileEntry(name: "b.JPG", kind: .image), FileEntry(name: "jp-jp.png", kind: .image),
        FileEntry(name: "c.png", kind: .image), FileEntry(name: "d.webp", kind: .image), FileEntry(name: "e.heic", kind: .image),
    ]

    func filtering(_ keys: String...) -> AppState {
        var state = AppState(folder: "/pics", size: CellSize(columns: 80, rows: 24))
        _ = state.apply(.folderLoaded(path: "/pics", entries: Self.entries))
        _ = state.apply(.key(.char("/")))
        for key in keys { _ = state.apply(.key(Key(name: key)!)) }
        return state
    }

    @Test func theLineShowsTheNeedleTheCountAndTheWaysOut() {
        let state = filtering("j", "p")
        #expect(state.focus == .filter)
        let line = PromptView.filterLine(state)
        #expect(line.label == "filter› ")
        #expect(line.status == " 3/7 · Enter keep · Esc clear")
        #expect(state.filter.text == "jp")
        #expect(PromptView.filterLine(filtering("z", "z")).status == " 0/7 · Enter keep · Esc clear")
    }

    @Test func matchesAreFoundIgnoringCaseWithoutOverlap() {
        #expect(FilterMatch.ranges(of: "jp", in: "b.JPG") == [2..<4])
        #expect(FilterMatch.ranges(of: "jp", in: "jp-jp.png") == [0..<2, 3..<5])
        #expect(FilterMatch.ranges(of: "aa", in: "aaa") == [0..<2])
        #expect(FilterMatch.ranges(of: "", in: "abc") == [])
        #expect(FilterMatch.ranges(of: "x", in: "abc") == [])
        #expect(FilterMatch.ranges(of: "é", in: "café.jpg") == [3..<4])
    }

    @Test func highlightsAreAtDisplayColumnsAndStopAtTheCut() {
        #expect(FileListView.highlights("b.JPG", filter: "jp", columns: 20).map(\.x) == [2])
        #expect(FileListView.highlights("b.JPG", filter: "jp", columns: 20).map(\.text) == ["JP"])
        // A wide character before the match moves it two columns.
        #expect(FileListView.highlights("猫.jpg", filter: "jp", columns: 20).map(\.x) == [3])
        // Cut to 6 columns the name shows "jp-jp…": the second match is whole, nothing after the cut is drawn.
        let cut = FileListView.highlights("jp-jp.png", filter: "png", columns: 6)
        #expect(cut.isEmpty)
        #expect(FileListView.highlights("jp-jp.png", filter: "jp", columns: 5).map(\.text) == ["jp", "j"])
    }

    @Test func enterKeepsAndEscClears() {
        var kept = filtering("j", "p", "enter")
        #expect(kept.focus == .files && kept.filter.text == "jp" && kept.visible.count == 3)
        _ = kept.apply(.key(.char("/")))
        _ = kept.apply(.key(.escape))
        #expect(kept.filter.text.isEmpty && kept.visible.count == Self.entries.count)
    }
}
