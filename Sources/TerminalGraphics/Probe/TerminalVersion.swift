import Foundation

/// A terminal's name and version as its XTVERSION reply gives them: `kitty(0.26.5)`, `XTerm(379)`,
/// `foot(1.13.1)`, `tmux 3.3a`, `WezTerm 20230712-072601-f4abf8fd`, `iTerm2 3.5.0`.
///
/// Inside tmux this is how Squint learns which kitty is outside: tmux asks the outer terminal XTVERSION when a
/// client attaches and keeps the answer as `#{client_termtype}` (a reply to our own query would be eaten by
/// tmux's key parser on the way back), and kitty draws pictures inside tmux only from 0.28 on.
public struct TerminalVersion: Sendable, Equatable, CustomStringConvertible {
    /// The name as the terminal spells it (`kitty`, `XTerm`, `tmux`).
    public var name: String
    /// The version as the terminal spells it (`0.26.5`, `379`, `3.3a`).
    public var version: String

    /// Parses `name(version)` or `name version`; nil for an empty or nameless reply.
    public init?(_ reply: String) {
        let text = reply.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = text.first, first.isLetter else { return nil }
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            name = String(text[..<open]).trimmingCharacters(in: .whitespaces)
            version = String(text[text.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
        } else if let space = text.firstIndex(of: " ") {
            name = String(text[..<space])
            version = String(text[text.index(after: space)...]).trimmingCharacters(in: .whitespaces)
        } else {
            name = text
            version = ""
        }
        guard !name.isEmpty else { return nil }
    }

    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }

    /// The leading number of each dot-separated part: `0.26.5` gives [0, 26, 5], `3.3a` gives [3, 3].
    public var numbers: [Int] {
        version.split(separator: ".").map { part in Int(part.prefix { $0.isASCII && $0.isNumber }) ?? 0 }
    }

    /// True when the version is `minimum` or later, comparing part by part (missing parts count as 0).
    public func isAtLeast(_ minimum: [Int]) -> Bool {
        let own = numbers
        guard !own.isEmpty else { return false }
        for index in 0..<max(own.count, minimum.count) {
            let mine = index < own.count ? own[index] : 0
            let wanted = index < minimum.count ? minimum[index] : 0
            if mine != wanted { return mine > wanted }
        }
        return true
    }

    public var isKitty: Bool { name.lowercased() == "kitty" }

    public var description: String { version.isEmpty ? name : "\(name) \(version)" }
}
