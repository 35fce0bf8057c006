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
        }
    }

    /// A group's lines in `Command` order, a pair's two commands on one line.
    static func entries(_ keymap: Keymap, group: HelpGroup) -> [Entry] {
        func keys(_ command: Command) -> String {
            let names = keymap.keys(for: command).map(\.name)
            return names.isEmpty ? "(unbound)" : names.joined(separator: "/")
        }
        let commands = Command.allCases.filter { $0.helpGroup == group }
        let seconds = Set(commands.compactMap { command in command.helpPair.map(\.second) }.filter { $0.helpGroup == group })
        var entries: [Entry] = []
        for command in commands where !seconds.contains(command) {
            if let pair = command.helpPair, pair.second.helpGroup == group {
                entries.append(Entry(keys: keys(command) + " " + keys(pair.second), summary: pair.summary, commands: [command, pair.second]))
            } else {
                entries.append(Entry(keys: keys(command), summary: command.summary, commands: [command]))
            }
        }
        if group == .ask { entries.append(editingEntry) }
        return entries
    }

    /// The sheet for a window `width` columns wide (frame included): two columns from 2 + 36 + 1 + 36 + 1 up,
    /// else one; groups go to the shorter column, in order.
    static func layout(_ keymap: Keymap, width: Int) -> HelpSheet {
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
        let height = columns.map(\.count).max() ?? 0
        let rows = (0..<height).map { row in columns.flatMap { row < $0.count ? $0[row] : [] } }
        return HelpSheet(rows: rows)
    }

    /// The marks beside file names, as the file list draws them.
    static var legend: [(text: String, role: ThemeRole)] {
        let answered = FileListView.glyph(for: .answered), pending = FileListView.glyph(for: .pendingReview)
        return [(" " + answered.0, answered.1), (" answered ", .dim), (pending.0, pending.1), (" to review ", .dim),
                (FileListView.markedGlyph, .marked), (" marked ", .dim)]
    }
}
