import TerminalGraphics
import Testing
@testable import SquintTUI

/// The `?` screen: grouped by task, built from the keymap, fits 80×24 without scrolling.
@Suite struct HelpSheetTests {
    @Test func everyCommandIsInExactlyOneGroupOnce() {
        var seen: [Command: Int] = [:]
        for group in HelpGroup.allCases {
            for entry in HelpSheet.entries(.default, group: group) {
                for command in entry.commands {
                    seen[command, default: 0] += 1
                    #expect(command.helpGroup == group)
                }
            }
        }
        for command in Command.allCases { #expect(seen[command] == 1, "\(command.rawValue) shown \(seen[command] ?? 0) times") }
    }

    @Test func theGroupsAreTheTasks() {
        #expect(Command.detect.helpGroup == .ask)
        #expect(Command.accept.helpGroup == .review)
        #expect(Command.toggleBoxes.helpGroup == .view)
        #expect(Command.filter.helpGroup == .browse)
        let browse = HelpSheet.entries(.default, group: .browse)
        #expect(browse.first == HelpSheet.Entry(keys: "j/↓ k/↑", summary: "move down/up", commands: [.moveDown, .moveUp]))
        #expect(HelpSheet.entries(.default, group: .ask).last == HelpSheet.editingEntry)
    }

    @Test func reboundKeysShowUp() throws {
        let map = try Keymap(overrides: ["accept": ["y"], "zoom": []])
        let review = HelpSheet.entries(map, group: .review)
        // Accept shares its row with reject ("a x  accept/reject"): the row shows the new key.
        #expect(review.contains { $0.keys == "y x" && $0.commands == [.accept, .reject] })
        #expect(HelpSheet.entries(map, group: .view).contains { $0.keys == "(unbound)" && $0.commands == [.zoom] })
    }

    @Test func itFitsEightyByTwentyFourWithoutScrollingOrCutting() {
        let (width, height) = HelpView.size(for: CellSize(columns: 80, rows: 24))
        let sheet = HelpSheet.layout(.default, width: width)
        #expect(sheet.rows.count <= height - 2, "\(sheet.rows.count) rows in \(height - 2)")
        let texts = sheet.rows.flatMap { $0 }
        for cell in texts {
            #expect(!cell.text.contains("…"), "cut: \(cell.text)")
            #expect(cell.x + DisplayWidth.of(cell.text) <= width - 1, "\(cell.text) runs into the frame")
        }
        // Two columns, four headings, every summary present.
        #expect(Set(texts.map(\.x)).contains(2 + HelpSheet.columnWidth + 1))
        for group in HelpGroup.allCases { #expect(texts.contains { $0.text == " \(HelpSheet.heading(group)) " && $0.role == .title }) }
        for command in Command.allCases where command.helpRow == nil && !Command.allCases.contains(where: { $0.helpRow?.others.contains(command) == true }) {
            #expect(texts.contains { $0.text == command.summary }, "\(command.rawValue) missing")
        }
        // Cells of a row never overlap.
        for row in sheet.rows {
            let sorted = row.sorted { $0.x < $1.x }
            for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(a.x + DisplayWidth.of(a.text) <= b.x, "\(a.text) overlaps \(b.text)") }
        }
    }

    @Test func aNarrowWindowGetsOneColumnAndScrolls() {
        let sheet = HelpSheet.layout(.default, width: 50)
        #expect(Set(sheet.rows.flatMap { $0 }.filter { $0.role == .helpKey }.map(\.x)) == [2])
        #expect(sheet.rows.count > 22, "one column is longer than a 24-row screen: the view scrolls")
    }

    @Test func theLegendNamesTheListMarks() {
        let legend = HelpSheet.legend.map(\.text).joined()
        #expect(legend.contains(FileListView.glyph(for: .answered).0 + " answered"))
        #expect(legend.contains(FileListView.glyph(for: .pendingReview).0 + " to review"))
        #expect(legend.contains(FileListView.markedGlyph + " marked"))
    }
}
