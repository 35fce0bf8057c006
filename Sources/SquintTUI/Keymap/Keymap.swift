/// The one table of key → command. It drives dispatch, the `?` help screen and config validation.
public struct Keymap: Sendable, Equatable {
    /// Bindings per command, in the order the help screen lists them.
    public private(set) var keysByCommand: [Command: [Key]]
    /// One table per mode: box edit mode gives the arrows, hjkl, tab, enter and esc their own meaning.
    private var commandByKey: [KeyMode: [Key: Command]]

    /// The defaults from the issue: vi-style movement plus one letter per action.
    public static let defaultBindings: [(Command, [String])] = [
        (.moveDown, ["j", "down"]), (.moveUp, ["k", "up"]), (.pageDown, ["pgdn", "ctrl-d"]), (.pageUp, ["pgup", "ctrl-u"]),
        (.first, ["g", "home"]), (.last, ["G", "end"]),
        (.open, ["enter"]), (.parent, ["backspace", "h"]), (.cycleFocus, ["tab"]),
        (.focusPrompt, ["i", ":"]), (.filter, ["/"]), (.cancel, ["esc"]), (.mark, ["space"]),
        (.caption, ["c"]), (.detect, ["d"]), (.segment, ["s"]), (.points, ["p"]), (.runBatch, ["R"]), (.newConversation, ["ctrl-n"]),
        (.toggleBoxes, ["b"]), (.toggleMasks, ["m"]), (.toggleLabels, ["l"]),
        (.nextDetection, ["n"]), (.previousDetection, ["N"]),
        (.accept, ["a"]), (.reject, ["x"]), (.relabel, ["r"]), (.undo, ["u"]),
        (.nextPending, ["]"]), (.previousPending, ["["]),
        (.export, ["e"]), (.cycleTheme, ["t"]), (.zoom, ["z"]), (.toggleRaw, ["v"]), (.showError, ["E"]), (.compareTruth, ["T"]),
        (.help, ["?", "f1"]), (.quit, ["q", "ctrl-c"]),
        (.class1, ["1"]), (.class2, ["2"]), (.class3, ["3"]), (.class4, ["4"]), (.class5, ["5"]),
        (.class6, ["6"]), (.class7, ["7"]), (.class8, ["8"]), (.class9, ["9"]), (.pickClass, ["C"]),
        (.acceptAll, ["A"]), (.rejectAll, ["X"]),
        (.filterDetections, ["f"]), (.raiseThreshold, ["+", "="]), (.lowerThreshold, ["-"]),
        (.editBox, ["B"]), (.addBox, ["I"]),
        (.boxLeft, ["h", "left"]), (.boxDown, ["j", "down"]), (.boxUp, ["k", "up"]), (.boxRight, ["l", "right"]),
        (.boxFineLeft, ["H", "shift-left"]), (.boxFineDown, ["J", "shift-down"]), (.boxFineUp, ["K", "shift-up"]),
        (.boxFineRight, ["L", "shift-right"]),
        (.boxNextEdge, ["tab"]), (.boxPreviousEdge, ["shift-tab"]), (.boxSave, ["enter"]), (.boxCancel, ["esc"]),
    ]

    public static let `default`: Keymap = {
        var keymap = Keymap(empty: ())
        for (command, names) in defaultBindings {
            for name in names {
                guard let key = Key(name: name) else { preconditionFailure("bad default key \(name)") }
                keymap.bind(key, to: command)
            }
        }
        return keymap
    }()

    private init(empty: ()) {
        keysByCommand = [:]
        commandByKey = [:]
    }

    /// The defaults with the config's `[keys]` table applied: `command = ["key", ...]` replaces that command's
    /// keys; a key taken from another command is moved. Unknown commands and key names are errors.
    public init(overrides: [String: [String]]) throws(KeymapError) {
        self = .default
        for (commandName, keyNames) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let command = Command(rawValue: commandName) else { throw .unknownCommand(commandName) }
            var keys: [Key] = []
            for keyName in keyNames {
                guard let key = Key(name: keyName) else { throw .unknownKey(keyName, command: commandName) }
                keys.append(key)
            }
            for old in keysByCommand[command] ?? [] { commandByKey[command.mode]?[old] = nil }
            keysByCommand[command] = []
            for key in keys { bind(key, to: command) }
        }
    }

    /// Binds `key` to `command`, taking it away from any other command of the same mode.
    public mutating func bind(_ key: Key, to command: Command) {
        if let previous = commandByKey[command.mode]?[key], previous != command {
            keysByCommand[previous]?.removeAll { $0 == key }
        }
        commandByKey[command.mode, default: [:]][key] = command
        if !(keysByCommand[command] ?? []).contains(key) { keysByCommand[command, default: []].append(key) }
    }

    public func command(for key: Key) -> Command? { command(for: key, in: .normal) }

    public func command(for key: Key, in mode: KeyMode) -> Command? { commandByKey[mode]?[key] }

    public func keys(for command: Command) -> [Key] { keysByCommand[command] ?? [] }

    /// The help table: one row per command, keys joined by `/`, in `Command` declaration order.
    public var helpRows: [(keys: String, summary: String)] {
        Command.allCases.map { command in
            let names = keys(for: command).map(\.name)
            return (names.isEmpty ? "(unbound)" : names.joined(separator: "/"), command.summary)
        }
    }

    /// The first key bound to `command`, for hints such as "press ? for help".
    public func hint(_ command: Command) -> String { keys(for: command).first?.name ?? command.rawValue }
}

/// A `[keys]` table in the config that names something that does not exist.
public struct KeymapError: Error, Equatable, CustomStringConvertible {
    private enum Code: Equatable {
        case unknownCommand(String)
        case unknownKey(String, command: String)
    }
    private let code: Code

    static func unknownCommand(_ name: String) -> KeymapError { KeymapError(code: .unknownCommand(name)) }
    static func unknownKey(_ key: String, command: String) -> KeymapError { KeymapError(code: .unknownKey(key, command: command)) }

    public var description: String {
        switch code {
        case .unknownCommand(let name):
            return "unknown command \"\(name)\" in [keys]; known: \(Command.allCases.map(\.rawValue).joined(separator: ", "))"
        case .unknownKey(let key, let command):
            return "unknown key \"\(key)\" for \(command) in [keys] (examples: j, G, space, enter, ctrl-a, f1)"
        }
    }
}
