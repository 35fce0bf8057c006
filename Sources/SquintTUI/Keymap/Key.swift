/// A key press as the app sees it, independent of curses key codes.
public enum Key: Hashable, Sendable {
    /// A printable character, space included.
    case char(Character)
    /// Control plus a letter, stored lower-case (`ctrl("a")` is Ctrl-A).
    case ctrl(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    /// Shift plus an arrow (curses' KEY_SR, KEY_SF, KEY_SLEFT, KEY_SRIGHT).
    case shiftUp, shiftDown, shiftLeft, shiftRight
    case enter, backspace, delete, tab, backTab, escape, insert
    case function(Int)
}

extension Key {
    /// Parses a key name as written in the config and shown in help: `j`, `G`, `?`, `space`, `enter`, `esc`,
    /// `tab`, `shift-tab`, `backspace`, `up`, `pgdn`, `ctrl-a`, `f1`. Returns nil for anything else.
    public init?(name: String) {
        let lower = name.lowercased()
        if name.count == 1, let c = name.first, !c.isWhitespace { self = .char(c); return }
        switch lower {
        case "space": self = .char(" ")
        case "enter", "return": self = .enter
        case "esc", "escape": self = .escape
        case "tab": self = .tab
        case "shift-tab", "backtab", "s-tab": self = .backTab
        case "backspace", "bs": self = .backspace
        case "delete", "del": self = .delete
        case "insert", "ins": self = .insert
        case "up": self = .up
        case "down": self = .down
        case "left": self = .left
        case "right": self = .right
        case "home": self = .home
        case "end": self = .end
        case "pgup", "pageup": self = .pageUp
        case "pgdn", "pagedown": self = .pageDown
        case "shift-up", "s-up", "s-↑": self = .shiftUp
        case "shift-down", "s-down", "s-↓": self = .shiftDown
        case "shift-left", "s-left", "s-←": self = .shiftLeft
        case "shift-right", "s-right", "s-→": self = .shiftRight
        default:
            if lower.hasPrefix("ctrl-") || lower.hasPrefix("c-") {
                let rest = lower.drop { $0 != "-" }.dropFirst()
                guard rest.count == 1, let c = rest.first, c.isLetter, c.isASCII else { return nil }
                self = .ctrl(c)
            } else if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) {
                self = .function(n)
            } else {
                return nil
            }
        }
    }

    /// The name `init(name:)` accepts, used in the help screen.
    public var name: String {
        switch self {
        case .char(" "): return "space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "ctrl-\(c)"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "home"
        case .end: return "end"
        case .pageUp: return "pgup"
        case .pageDown: return "pgdn"
        case .shiftUp: return "S-↑"
        case .shiftDown: return "S-↓"
        case .shiftLeft: return "S-←"
        case .shiftRight: return "S-→"
        case .enter: return "enter"
        case .backspace: return "backspace"
        case .delete: return "delete"
        case .tab: return "tab"
        case .backTab: return "shift-tab"
        case .escape: return "esc"
        case .insert: return "insert"
        case .function(let n): return "f\(n)"
        }
    }
}
