import Foundation
import Testing

/// The TUI in tmux without a model: browsing, filtering, help, resizing, quitting, hostile file names.
@Suite(.serialized) struct TUIBrowseTests {
    func photos() throws -> URL {
        try TUIFixtures.folder([("coffee.png", "coffee.png"), ("chelsea.png", "cat2.png"), ("rocket.jpg", "cat10.jpg"),
                                ("astronaut.png", "astronaut.png")])
    }

    @Test func opensAFolderMovesAndFilters() async throws {
        let dir = try photos()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("nested"), withIntermediateDirectories: true)
        let tui = try TUISession(["--protocol", "ascii", dir.path])
        defer { tui.close() }
        // Natural order, folders first: nested/, astronaut, cat2, cat10, coffee. The list fills in as the
        // folder is read, so wait for all of it.
        let names = ["nested/", "astronaut.png", "cat2.png", "cat10.jpg", "coffee.png"]
        let first = try await tui.waitUntil("the whole folder listed") { screen in names.allSatisfy { screen.contains($0) } }
        let order = names.map { first.range(of: $0)?.lowerBound }
        #expect(zip(order, order.dropFirst()).allSatisfy { $0! < $1! }, "list not in natural order:\n\(first)")
        try tui.press("j", "j")
        try await tui.waitFor("3/5")
        try tui.press("/")
        try tui.type("cat1")
        let filtered = try await tui.waitUntil("filter to cat10") { $0.contains("filter› cat1") && !$0.contains("astronaut.png") }
        #expect(filtered.contains("cat10.jpg"))
        #expect(!filtered.contains("coffee.png"))
        try tui.press("Escape")
        try await tui.waitFor("coffee.png")
    }

    /// Sixel pictures are written beside curses, not through it: the frame that puts one up must still clear
    /// the "decoding…" the preview showed while waiting. (tmux shows the text layer; the picture itself goes
    /// to the outer terminal.)
    @Test func aGraphicsPictureLeavesNoDecodingMessageBeside() async throws {
        let dir = try photos()
        let tui = try TUISession(["--protocol", "sixel", dir.path])
        defer { tui.close() }
        // The preview's title gains the picture's size in the frame that shows it.
        let shown = try await tui.waitUntil("the picture's size in the title") { screen in
            screen.split(separator: "\n").first.map { $0.contains("astronaut.png") && $0.contains("×") } ?? false
        }
        #expect(!shown.contains("decoding…"), "a stale message beside the picture:\n\(shown)")
    }

    @Test func helpIsGeneratedFromTheKeymap() async throws {
        let dir = try photos()
        let tui = try TUISession(["--protocol", "ascii", dir.path])
        defer { tui.close() }
        try await tui.waitFor("coffee.png")
        try tui.press("?")
        // Waits for the whole table, not just its title: tmux may show a frame half written.
        let help = try await tui.waitUntil("the help table") { $0.contains("any other key closes") && $0.contains("next/previous to review") }
        #expect(help.contains("j/↓ k/↑"))
        // Grouped by task, with the legend of the list marks, on one screen (the session is 120×40).
        for heading in [" browse ", " ask ", " review ", " view "] { #expect(help.contains(heading), "no \(heading) group:\n\(help)") }
        #expect(help.contains("✓ answered") && help.contains("● to review") && help.contains("* marked"))
        #expect(!help.contains("j/k scroll"), "the help scrolls at 120×40:\n\(help)")
        try tui.press("Escape")
        try await tui.waitUntil("help closed") { !$0.contains("next/previous to review") }
    }

    /// At 80×24 the help is one screen and the filter is a line of its own with a count and the ways out.
    @Test func helpFitsAndTheFilterIsVisibleAt80x24() async throws {
        let dir = try photos()
        let tui = try TUISession(["--protocol", "ascii", dir.path], columns: 80, rows: 24)
        defer { tui.close() }
        try await tui.waitFor("coffee.png")
        try tui.press("?")
        let help = try await tui.waitUntil("the help table") { $0.contains("any other key closes") && $0.contains("zoom to selected box") }
        #expect(!help.contains("j/k scroll"), "the help scrolls at 80×24:\n\(help)")
        try tui.press("Escape")
        try await tui.waitUntil("help closed") { !$0.contains("zoom to selected box") }
        try tui.press("/")
        try tui.type("cat")
        let line = try await tui.waitUntil("the filter line") { $0.contains("filter› cat") }
        #expect(line.contains("filter› cat  2/4 · Enter keep · Esc clear"), "the cursor cell, then the count:\n\(line)")
        try tui.press("Enter")
        try await tui.waitUntil("filter kept") { $0.contains("/cat") && !$0.contains("filter›") && !$0.contains("coffee.png") }
    }

    /// `theme = "auto"`: with no answer to OSC 11 (tmux without a client) `COLORFGBG` decides.
    @Test(arguments: [("0;15", "light"), ("15;0", "dark")])
    func autoThemeFollowsTheBackground(_ colorfgbg: String, _ theme: String) async throws {
        let dir = try photos()
        let tui = try TUISession(["--protocol", "ascii", dir.path], environment: ["COLORFGBG": colorfgbg])
        defer { tui.close() }
        let screen = try await tui.waitFor("coffee.png")
        let status = screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        #expect(status.hasSuffix("· \(theme)"), "status line: \(status)")
    }

    @Test func quitRestoresTheTerminal() async throws {
        let dir = try photos()
        let tui = try TUISession(["--protocol", "ascii", dir.path])
        defer { tui.close() }
        try await tui.waitFor("coffee.png")
        try tui.press("q")
        try await tui.waitFor("[exit 0]")
        let flags = try tui.paneFlags()
        #expect(!flags.alternate, "still in the alternate screen")
        #expect(flags.cursorVisible, "cursor left hidden")
    }

    @Test(arguments: ["C-c", "TERM", "HUP"])
    func signalsRestoreTheTerminal(_ how: String) async throws {
        let dir = try photos()
        let tui = try TUISession(["--protocol", "ascii", dir.path])
        defer { tui.close() }
        try await tui.waitFor("coffee.png")
        if how == "C-c" {
            try tui.press("C-c")
        } else {
            let shell = try tui.tmux(["list-panes", "-t", tui.session, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
            let child = try #require(TUISession.childProcess(of: Int32(shell) ?? 0), "squint is not running")
            kill(child, how == "TERM" ? SIGTERM : SIGHUP)
        }
        try await tui.waitFor("[exit")
        let flags = try tui.paneFlags()
        #expect(!flags.alternate)
        #expect(flags.cursorVisible)
    }

    @Test func aFileNamedWithEscapeSequencesDoesNothing() async throws {
        let dir = try photos()
        let evil = "\u{1B}]0;pwned\u{7}\u{1B}[31mred\u{1B}[2J.png"
        try FileManager.default.copyItem(at: dir.appendingPathComponent("coffee.png"), to: dir.appendingPathComponent(evil))
        let tui = try TUISession(["--protocol", "ascii", dir.path])
        defer { tui.close() }
        // The list fills in as the folder is read: wait for the evil name and a later one. Had the name
        // cleared the screen, coffee.png would never be seen with it.
        let screen = try await tui.waitUntil("the evil name beside coffee.png") { $0.contains("pwned") && $0.contains("coffee.png") }
        #expect(screen.contains("^[]0;pwned^G"), "the name is shown in caret notation:\n\(screen)")
        let title = try tui.tmux(["display-message", "-p", "-t", tui.session, "#{pane_title}"])
        #expect(!title.contains("pwned"), "the file name changed the title")
        try tui.press("G")
        try await tui.waitFor("5/5")
        let colored = try tui.tmux(["capture-pane", "-p", "-e", "-t", tui.session])
        #expect(!colored.contains("\u{1B}[2J"))
    }

    @Test func resizingRelaysOutWithoutLeftovers() async throws {
        let dir = try photos()
        let tui = try TUISession(["--protocol", "ascii", dir.path], columns: 160, rows: 45)
        defer { tui.close() }
        try await tui.waitFor("coffee.png")
        try tui.resize(columns: 80, rows: 24)
        let small = try await tui.waitUntil("80x24 layout") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.first.map { $0.count <= 80 } == true && screen.contains("coffee.png") && screen.contains("ask›")
        }
        #expect(small.split(separator: "\n").allSatisfy { $0.count <= 80 })
        try tui.resize(columns: 130, rows: 40)
        let big = try await tui.waitUntil("130 wide") { $0.split(separator: "\n").contains { $0.count > 100 } && $0.contains("ask›") }
        let borders = big.split(separator: "\n").filter { $0.contains("┌") }
        #expect(!borders.isEmpty)
    }

    @Test func askingWithoutAKeyExplainsHowToSetIt() async throws {
        let dir = try photos()
        let tui = try TUISession(["--protocol", "ascii", dir.path])
        defer { tui.close() }
        try await tui.waitFor("coffee.png")
        try tui.press("j", "c")
        try await tui.waitFor("GEMINI_API_KEY")
    }

    @Test func themesComeFromTheFlagAndTCyclesThem() async throws {
        let dir = try photos()
        let tui = try TUISession(["--protocol", "ascii", "--theme", "light", dir.path], environment: ["NO_COLOR": "1"])
        defer { tui.close() }
        try await tui.waitUntil("light theme in the status bar") { $0.contains("ascii · light") }
        try tui.press("t")
        try await tui.waitFor("theme: high-contrast")
        try tui.press("t")
        try await tui.waitFor("theme: monochrome")
    }

    @Test func anUnknownThemeIsAOneLineError() async throws {
        let dir = try photos()
        let result = try await SquintProcess.run(["--protocol", "ascii", "--theme", "sparkly", dir.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown theme \"sparkly\""))
    }
}
