import Foundation
import Testing
@testable import SquintTUI

/// README's key table and list marks are what the keymap and the file list really do.
@Suite struct ReadmeTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    /// The backticked names in the rows of README's TUI key table, lowercased, arrows as key names.
    static func tableKeys() throws -> Set<String> {
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = try #require(text.range(of: "| keys | action | keys | action |"))
        let rows = text[section.upperBound...].split(separator: "\n").prefix { $0.hasPrefix("|") }
        var keys = Set<String>()
        for row in rows {
            for piece in row.split(separator: "`").enumerated() where piece.offset % 2 == 1 {
                let name = piece.element.lowercased()
                keys.insert([("↓", "down"), ("↑", "up")].first { $0.0 == name }?.1 ?? name)
            }
        }
        return keys
    }

    @Test func everyDefaultKeyIsInTheReadmeTable() throws {
        let keys = try Self.tableKeys()
        for (command, names) in Keymap.defaultBindings {
            for name in names {
                #expect(keys.contains(name.lowercased()), "README's key table lacks `\(name)` (\(command.rawValue))")
            }
        }
    }

    @Test func theListMarksAreTheOnesReadmeNames() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        #expect(text.contains("`\(FileListView.glyph(for: .answered).0)` for images with\nanswers"))
        #expect(text.contains("`\(FileListView.glyph(for: .pendingReview).0)` for detections still to review"))
        #expect(text.contains("`\(FileListView.markedGlyph)` for marked"))
    }
}
