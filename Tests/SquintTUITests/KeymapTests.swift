import SquintCore
import Foundation
import Testing
@testable import SquintTUI

@Suite struct KeymapTests {
    @Test func defaultsCoverTheIssueKeys() {
        let map = Keymap.default
        let expected: [(String, Command)] = [
            ("j", .moveDown), ("down", .moveDown), ("k", .moveUp), ("g", .first), ("G", .last), ("enter", .open),
            ("backspace", .parent), ("tab", .cycleFocus), ("i", .focusPrompt), (":", .focusPrompt), ("esc", .cancel),
            ("space", .mark), ("c", .caption), ("d", .detect), ("s", .segment), ("p", .points), ("b", .toggleBoxes),
            ("m", .toggleMasks), ("l", .toggleLabels), ("n", .nextDetection), ("N", .previousDetection), ("a", .accept),
            ("x", .reject), ("r", .relabel), ("u", .undo), ("]", .nextPending), ("[", .previousPending), ("e", .export),
            ("t", .cycleTheme), ("z", .zoom), ("q", .quit), ("?", .help), ("/", .filter),
        ]
        for (name, command) in expected {
            let key = Key(name: name)
            #expect(key != nil, "\(name) does not parse")
            #expect(key.flatMap(map.command(for:)) == command, "\(name) is not \(command)")
        }
    }

    @Test func overridesReplaceAndMoveKeys() throws {
        let map = try Keymap(overrides: ["move-down": ["J", "ctrl-n"], "quit": ["j"]])
        #expect(map.command(for: .char("J")) == .moveDown)
        #expect(map.command(for: .ctrl("n")) == .moveDown)
        #expect(map.command(for: .down) == nil)
        #expect(map.command(for: .char("j")) == .quit)
        #expect(!map.keys(for: .moveDown).contains(.char("j")))
    }

    @Test func unknownNamesAreRejectedWithAHelpfulMessage() {
        #expect(throws: KeymapError.self) { try Keymap(overrides: ["fly": ["f"]]) }
        do {
            _ = try Keymap(overrides: ["quit": ["hyper-q"]])
            Issue.record("accepted a bad key")
        } catch {
            #expect(error.description.contains("hyper-q"))
        }
    }

    @Test func helpRowsComeFromTheSameTable() throws {
        let map = try Keymap(overrides: ["detect": ["D"]])
        let row = map.helpRows.first { $0.summary == Command.detect.summary }
        #expect(row?.keys == "D")
        #expect(map.helpRows.count == Command.allCases.count)
    }

    @Test func keyNamesRoundTrip() {
        for name in ["space", "enter", "esc", "tab", "shift-tab", "backspace", "home", "end", "pgup", "pgdn", "ctrl-w", "f5", "x"] {
            let key = Key(name: name)
            #expect(key != nil)
            if let key, ![.up, .down, .left, .right].contains(key) { #expect(Key(name: key.name) == key) }
        }
    }
}

@Suite struct KeymapConfigTests {
    @Test func keysTableFromConfigFile() throws {
        let (configuration, _) = try SquintConfiguration.parse("model = \"x\"\n[keys]\nquit = \"Q\"\nmove-down = [\"J\", \"down\"]\n")
        #expect(configuration.keys["quit"] == ["Q"])
        let map = try Keymap(overrides: configuration.keys)
        #expect(map.command(for: .char("Q")) == .quit)
        #expect(map.command(for: .char("q")) == nil)
        #expect(throws: ConfigurationError.self) { try SquintConfiguration.parse("[keys]\nquit = 3\n") }
    }
}
