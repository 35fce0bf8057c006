/// What the `?` screen shows, laid out: the keymap's commands grouped by task (browse, ask, review, view) in
/// two columns when there is room, and the legend of the list marks. A pure function of the keymap and the
/// width, so tests check it covers every command and fits 80×24 without a terminal.
struct HelpSheet: Equatable {
    /// Text at a column of a row, in a role.
    struct Cell: Equatable {
        var x: Int
        var text: String
        var role: ThemeRole
    }

    /// One line of a group: its keys and what they do.
    struct Entry: Equatable {
        var keys: String
        var summary: String
        /// The keymap commands the line describes (none for the prompt's editing keys).
        var commands: [Command]
    }

    var rows: [[Cell]]

    /// Columns a group column takes: keys, a space, the summary.
    static let columnWidth = 36
    /// Where summaries start in a column; longer keys push their own summary right.
    static let keyWidth = 12
    static let title = "keys · mouse: click selects, wheel scrolls · any other key closes"

    /// The prompt's editing keys are the line editor's, not the keymap's; shown with the asking commands.
    static let editingEntry = Entry(keys: "ctrl-a/e/w/u/k", summary: "edit; ↑/↓ history", commands: [])

    static func heading(_ group: HelpGroup) -> String {
        switch group {
        case .browse: "browse"
        case .ask: "ask"
        case .review: "review"
        case .view: "view"
        case .boxEdit: "box edit (B, I)"
        }
    }

    /// A group's lines in `Command` order, a row's commands on one line.
    static func entries(_ keymap: Keymap, group: HelpGroup) -> [Entry] {
        func keys(_ command: Command) -> String {
            let names = keymap.keys(for: command).map(\.name)
            return names.isEmpty ? "(unbound)" : names.joined(separator: "/")
        }
        let commands = Command.allCases.filter { $0.helpGroup == group }
        let followers = Set(commands.flatMap { $0.helpRow?.others ?? [] }.filter { $0.helpGroup == group })
        var entries: [Entry] = []
        for command in commands where !followers.contains(command) {
            if let row = command.helpRow, row.others.allSatisfy({ $0.helpGroup == group }) {
                let all = [command] + row.others
                var text = all.map(keys).joined(separator: " ")
                if command == .class1 {
                    // Nine digit keys read as a range: "1–9 C".
                    let digits = all.filter { $0.classNumber != nil }.map(keys)
                    if digits == (1...9).map(String.init) {
                        text = "1–9 " + all.filter { $0.classNumber == nil }.map(keys).joined(separator: " ")
                    }
                }
                entries.append(Entry(keys: text, summary: row.summary, commands: all))
            } else {
                entries.append(Entry(keys: keys(command), summary: command.summary, commands: [command]))
            }
        }
        if group == .ask { entries.append(editingEntry) }
        return entries
    }

    /// The class list's lines, wrapped to `width` columns: "classes  1 forklift · 2 pallet · … · C picks". With
    /// `maxLines`, the digits shown are cut short to fit, ending with the key that lists them all.
    static func classLines(_ classes: [String], keymap: Keymap, width: Int, unicode: Bool = true, lead: String = "classes  ",
                           maxLines: Int? = nil) -> [String] {
        guard !classes.isEmpty else { return [] }
        var shown = min(9, classes.count)
        while true {
            let lines = classLines(classes, shown: shown, keymap: keymap, width: width, unicode: unicode, lead: lead)
            guard let maxLines, lines.count > maxLines, shown > 1 else { return lines }
            shown -= 1
        }
    }

    private static func classLines(_ classes: [String], shown: Int, keymap: Keymap, width: Int, unicode: Bool, lead: String) -> [String] {
        let dot = unicode ? " · " : " - "
        var pieces = classes.prefix(shown).enumerated().map { "\($0.offset + 1) \(TerminalSafe.text($0.element))" }
        if classes.count > shown { pieces.append("\(keymap.hint(.pickClass)) picks from all \(classes.count)") }
        var lines: [String] = []
        var line = lead
        for (index, piece) in pieces.enumerated() {
            let joined = index == 0 ? line + piece : line + dot + piece
            if DisplayWidth.of(joined) > width, index > 0 {
                lines.append(line)
                line = String(repeating: " ", count: DisplayWidth.of(lead)) + piece
            } else {
                line = joined
            }
        }
        lines.append(line)
        return lines.map { DisplayWidth.fit($0, columns: width, pad: false) }
    }

    /// The sheet for a window `width` columns wide (frame included): two columns from 2 + 36 + 1 + 36 + 1 up,
    /// else one; groups go to the shorter column, in order.
    static func layout(_ keymap: Keymap, width: Int, classes: [String] = []) -> HelpSheet {
        let left = 2
        let available = max(8, width - 3)
        let twoColumns = available >= 2 * columnWidth + 1
        let columnWidth = twoColumns ? Self.columnWidth : available
        var columns: [[[Cell]]] = twoColumns ? [[], []] : [[]]
        for group in HelpGroup.allCases {
            let target = columns.indices.min { columns[$0].count < columns[$1].count } ?? 0
            let x = left + target * (columnWidth + 1)
            columns[target].append([Cell(x: x, text: " " + heading(group) + " ", role: .title)])
            for entry in entries(keymap, group: group) {
                let keysWidth = DisplayWidth.of(entry.keys)
                let summaryX = keysWidth < keyWidth ? keyWidth : keysWidth + 1
                let room = max(1, columnWidth - summaryX)
                columns[target].append([
                    Cell(x: x, text: DisplayWidth.fit(entry.keys, columns: min(keysWidth, columnWidth), pad: false), role: .helpKey),
                    Cell(x: x + summaryX, text: DisplayWidth.fit(entry.summary, columns: room, pad: false), role: .dialog),
                ])
            }
        }
        // The class list: under the shorter column, in the rows it keeps free beside the taller one (80×24
        // keeps a few there; a long list shows its first digits and "C picks from all"), else across the top,
        // where the sheet then scrolls.
        let tallest = columns.map(\.count).max() ?? 0
        var classRows: [[Cell]] = []
        if !classes.isEmpty {
            let target = columns.indices.min { columns[$0].count < columns[$1].count } ?? 0
            let spare = tallest - columns[target].count - 1
            let lines = classLines(classes, keymap: keymap, width: columnWidth, lead: "", maxLines: max(1, spare))
            if twoColumns, columns[target].count + 1 + lines.count <= tallest {
                let x = left + target * (columnWidth + 1)
                columns[target].append([Cell(x: x, text: " classes ", role: .title)])
                columns[target] += lines.map { [Cell(x: x, text: $0, role: .helpKey)] }
            } else {
                classRows = classLines(classes, keymap: keymap, width: max(8, width - 4)).map { [Cell(x: left, text: $0, role: .helpKey)] }
            }
        }
        let height = columns.map(\.count).max() ?? 0
        let rows = (0..<height).map { row in columns.flatMap { row < $0.count ? $0[row] : [] } }
        return HelpSheet(rows: classRows + rows)
    }

    /// The marks beside file names, as the file list draws them.
    static var legend: [(text: String, role: ThemeRole)] {
        let answered = FileListView.glyph(for: .answered), pending = FileListView.glyph(for: .pendingReview)
        return [(" " + answered.0, answered.1), (" answered ", .dim), (pending.0, pending.1), (" to review ", .dim),
                (FileListView.markedGlyph, .marked), (" marked ", .dim)]
    }
}
