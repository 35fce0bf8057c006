import Foundation
/// A readline-style single-line editor: the prompt line, the `/` filter and the relabel box.
///
/// A value type so the app state stays a value; the cursor counts characters (grapheme clusters), never bytes,
/// and the visible window is computed in display columns so wide characters never split.
public struct LineEditor: Sendable, Equatable {
    public private(set) var characters: [Character] = []
    public private(set) var cursor = 0
    /// Submitted lines, oldest first.
    public private(set) var history: [String] = []
    /// Position while browsing history with ↑/↓; nil when editing the draft.
    private var historyIndex: Int?
    private var draft: [Character] = []
    /// While Tab cycles completions: what was typed before the first Tab, and the match shown.
    private var completion: Completion?
    /// A prefilled line shown selected (the relabel box's old label): the first character typed replaces it,
    /// Backspace clears it, and a movement key keeps it for editing.
    public private(set) var isSelected = false

    private struct Completion: Sendable, Equatable {
        var prefix: String
        var index: Int
    }

    public init(text: String = "", history: [String] = [], selected: Bool = false) {
        characters = Array(text)
        cursor = characters.count
        self.history = history
        isSelected = selected && !text.isEmpty
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    public enum Outcome: Equatable, Sendable {
        /// The key edited the line (or moved the cursor).
        case edited
        /// Enter: the submitted line.
        case submitted(String)
        /// The key means nothing to the editor; the caller may handle it.
        case ignored
    }

    /// Applies one key. Enter submits (and records non-empty lines in the history) and clears the line.
    public mutating func handle(_ key: Key) -> Outcome {
        if key != .tab && key != .backTab { completion = nil }
        if isSelected {
            isSelected = false
            switch key {
            case .char: setLine([])
            case .backspace, .ctrl("h"), .delete, .ctrl("d"):
                setLine([])
                return .edited
            default: break
            }
        }
        switch key {
        case .char(let c):
            characters.insert(c, at: cursor)
            cursor += 1
        case .left, .ctrl("b"):
            cursor = max(0, cursor - 1)
        case .right, .ctrl("f"):
            cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"):
            cursor = 0
        case .end, .ctrl("e"):
            cursor = characters.count
        case .backspace, .ctrl("h"):
            guard cursor > 0 else { return .edited }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < characters.count else { return .edited }
            characters.remove(at: cursor)
        case .ctrl("w"):
            var start = cursor
            while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
            while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .ctrl("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .ctrl("k"):
            characters.removeSubrange(cursor...)
        case .up, .ctrl("p"):
            guard !history.isEmpty else { return .edited }
            if historyIndex == nil { draft = characters; historyIndex = history.count }
            historyIndex = max(0, historyIndex! - 1)
            setLine(Array(history[historyIndex!]))
        case .down, .ctrl("n"):
            guard let index = historyIndex else { return .edited }
            if index + 1 < history.count {
                historyIndex = index + 1
                setLine(Array(history[index + 1]))
            } else {
                historyIndex = nil
                setLine(draft)
            }
        case .enter:
            let line = text
            if line.contains(where: { !$0.isWhitespace }), history.last != line { history.append(line) }
            historyIndex = nil
            draft = []
            setLine([])
            return .submitted(line)
        default:
            return .ignored
        }
        return .edited
    }

    /// Tab completion from `candidates`: the first (next, on each further call; previous when `backwards`)
    /// candidate starting with the text typed before the first Tab, any case; when none starts with it, every
    /// candidate in turn. Any other key ends the cycle. Returns false when there is nothing to complete from.
    @discardableResult
    public mutating func complete(from candidates: [String], backwards: Bool = false) -> Bool {
        guard !candidates.isEmpty else { return false }
        // A selected prefill is about to be replaced: complete from nothing typed.
        let prefix = completion?.prefix ?? (isSelected ? "" : text)
        isSelected = false
        let lowered = prefix.trimmingCharacters(in: .whitespaces).lowercased()
        let starting = candidates.filter { $0.lowercased().hasPrefix(lowered) }
        let matches = starting.isEmpty ? candidates : starting
        let index: Int
        if let current = completion {
            index = ((current.index + (backwards ? -1 : 1)) % matches.count + matches.count) % matches.count
        } else {
            index = backwards ? matches.count - 1 : 0
        }
        setLine(Array(matches[index]))
        completion = Completion(prefix: prefix, index: index)
        return true
    }

    /// Replaces the line, cursor at the end (used to prefill the relabel box).
    public mutating func setText(_ text: String) { setLine(Array(text)) }

    private mutating func setLine(_ line: [Character]) {
        characters = line
        cursor = line.count
    }

    /// What to draw in a field `columns` wide: a window of the line that keeps the cursor visible, and the
    /// cursor's column inside it.
    public func visible(columns: Int) -> (text: String, cursorColumn: Int) {
        guard columns > 1 else { return ("", 0) }
        var start = 0
        var widthBeforeCursor = DisplayWidth.of(String(characters[0..<cursor]))
        // Scroll right until the cursor (plus one cell for it) fits.
        while widthBeforeCursor >= columns && start < cursor {
            widthBeforeCursor -= DisplayWidth.of(characters[start])
            start += 1
        }
        let shown = DisplayWidth.prefix(String(characters[start...]), fitting: columns)
        return (shown, widthBeforeCursor)
    }
}
