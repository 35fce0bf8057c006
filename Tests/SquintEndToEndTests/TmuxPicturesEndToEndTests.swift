import Foundation
import Testing

/// squint inside a real tmux that it knows is tmux: the pane's title survives the probe, kitty placeholders sit
/// where the picture goes, one column for every row, and what cannot get through is said on standard error.
@Suite(.serialized) struct TmuxPicturesEndToEndTests {
    static let photo = TUIFixtures.corpus.appendingPathComponent("photos/coffee.png").path

    @Test func squintViewLeavesThePaneTitleAlone() async throws {
        // No --cols/--rows/--protocol: the probe runs against tmux. Its kitty query, sent bare, became the title.
        let pane = try TmuxPane("\(TmuxPane.squint) view --cols 30 --rows 8 \(TUISession.quote(Self.photo))", passthrough: true)
        defer { pane.close() }
        let screen = try await pane.waitUntil("squint view to finish") { $0.contains("[exit ") }
        #expect(screen.contains("[exit 0]"), "\(screen)")
        #expect(try pane.paneTitle() == TmuxPane.title)
        #expect(!screen.contains("Gi=31"))
    }

    @Test func kittyPlaceholdersStartEveryRowAtTheColumnTheyStartedIn() async throws {
        // Three characters before the picture: row two used to start at column 0 (a newline between rows).
        let command = "printf 'abc'; \(TmuxPane.squint) view --protocol kitty --cols 12 --rows 6 \(TUISession.quote(Self.photo))"
        let pane = try TmuxPane(command, passthrough: true)
        defer { pane.close() }
        let screen = try await pane.waitUntil("squint view to finish") { $0.contains("[exit ") }
        #expect(screen.contains("[exit 0]"), "\(screen)")
        let cells = TmuxPane.placeholderCells(screen)
        // coffee.png is 451×300: 12 columns of 10×20 cells hold it in 12×4 placeholders, each row from column 3.
        #expect(cells.count >= 2, "placeholders on more than one row:\n\(screen)")
        #expect(cells.allSatisfy { $0.column == 3 }, "\(cells)")
        #expect(Set(cells.map(\.count)).count == 1, "every row equally wide: \(cells)")
        #expect(zip(cells, cells.dropFirst()).allSatisfy { $1.row == $0.row + 1 }, "rows one under another: \(cells)")
        #expect(try pane.paneTitle() == TmuxPane.title)
    }

    @Test func passthroughOffIsSaidOnceOnStandardError() async throws {
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("squint-pane-err-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: err) }
        let command = "\(TmuxPane.squint) view --protocol kitty --cols 12 --rows 6 \(TUISession.quote(Self.photo)) 2>\(TUISession.quote(err.path))"
        let pane = try TmuxPane(command, passthrough: false)
        defer { pane.close() }
        try await pane.waitUntil("squint view to finish") { $0.contains("[exit ") }
        let message = try String(contentsOf: err, encoding: .utf8)
        #expect(message.components(separatedBy: "allow-passthrough on").count == 2, "once: \(message)")
        #expect(try pane.paneTitle() == TmuxPane.title)
    }

    @Test func theTUIKeepsTheTitleAndPutsPlaceholdersInsideThePreview() async throws {
        let dir = try TUIFixtures.folder([("coffee.png", "coffee.png"), ("rocket.jpg", "rocket.jpg")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let pane = try TmuxPane("\(TmuxPane.squint) --protocol kitty \(TUISession.quote(dir.path))", passthrough: true,
                                columns: 120, rows: 36)
        defer { pane.close() }
        let screen = try await pane.waitUntil("the picture's placeholders") { TmuxPane.placeholderCells($0).count >= 3 }
        let cells = TmuxPane.placeholderCells(screen)
        let column = try #require(cells.first?.column)
        #expect(cells.allSatisfy { $0.column == column }, "one column for every row: \(cells)")
        #expect(column > 20, "right of the file list, not at column 0: \(cells)")
        #expect(zip(cells, cells.dropFirst()).allSatisfy { $1.row == $0.row + 1 }, "rows one under another: \(cells)")
        // The file list's names are still there beside the picture, on the same rows.
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(cells.contains { lines[$0.row].contains("coffee.png") || lines[$0.row].contains("rocket.jpg") }
                || lines.contains { $0.contains("coffee.png") }, "\(screen)")
        #expect(try pane.paneTitle() == TmuxPane.title)
        try pane.press("q")
        let after = try await pane.waitUntil("the TUI to quit") { $0.contains("[exit ") }
        #expect(after.contains("[exit 0]"), "\(after)")
        #expect(try pane.paneTitle() == TmuxPane.title)
        #expect(!after.contains("Gi=31"))
    }

    @Test func theTUIWithTheProbeKeepsTheTitle() async throws {
        let dir = try TUIFixtures.folder([("coffee.png", "coffee.png")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let pane = try TmuxPane("\(TmuxPane.squint) \(TUISession.quote(dir.path))", passthrough: true)
        defer { pane.close() }
        try await pane.waitUntil("the TUI's first screen") { $0.contains("coffee.png") }
        #expect(try pane.paneTitle() == TmuxPane.title)
        try pane.press("q")
        try await pane.waitUntil("the TUI to quit") { $0.contains("[exit ") }
        #expect(try pane.paneTitle() == TmuxPane.title)
    }
}
