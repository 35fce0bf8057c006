import Foundation
import Logging

/// How much to log and where, resolved once per process from `--verbose`, `--log-file` and `SQUINT_LOG`.
///
/// Off unless asked for, so a normal run prints nothing extra. The level is the more detailed of what
/// `SQUINT_LOG` names and what `--verbose` asks for (debug): a flag typed for one run never makes an
/// exported `SQUINT_LOG=trace` quieter. `--log-file` alone means debug; with `SQUINT_LOG` set it only
/// says where the lines go.
public struct LoggingSetup: Sendable, Equatable {
    public enum Destination: Sendable, Equatable {
        case standardError
        /// Appended to; created with mode 0600. `createFolder` for the default state file, whose folder
        /// may not exist yet; a path the user typed is taken as it is.
        case file(path: String, createFolder: Bool)
    }

    public static let environmentVariable = "SQUINT_LOG"
    /// What `SQUINT_LOG` accepts, most detailed first.
    public static let levelNames = Logger.Level.allCases.map(\.rawValue)

    /// The least severe level written; `nil` when logging is off and nothing is written anywhere.
    public var level: Logger.Level?
    public var destination: Destination

    public init(level: Logger.Level?, destination: Destination) {
        self.level = level
        self.destination = destination
    }

    /// Nothing logged.
    public static let off = LoggingSetup(level: nil, destination: .standardError)

    public var isEnabled: Bool { level != nil }

    /// The file the log goes to, `nil` when logging is off or goes to stderr: what a full-screen UI tells the
    /// user before it takes the terminal.
    public var filePath: String? {
        guard isEnabled, case .file(let path, _) = destination else { return nil }
        return path
    }

    /// - Parameters:
    ///   - logFile: `--log-file`; wins over every default destination.
    ///   - terminalUI: the process is about to draw on the terminal (curses), so stderr is off limits:
    ///     without `--log-file` the log goes to `defaultLogFile(environment:)` instead.
    public static func resolve(
        verbose: Bool, logFile: String?, environment: [String: String], terminalUI: Bool = false
    ) throws(LoggingError) -> LoggingSetup {
        let named = try level(named: environment[environmentVariable])
        let implied: Logger.Level? = verbose || (logFile != nil && named == nil) ? .debug : nil
        guard let level = [named, implied].compactMap({ $0 }).min() else { return .off }
        if let logFile { return LoggingSetup(level: level, destination: .file(path: logFile, createFolder: false)) }
        if terminalUI {
            return LoggingSetup(level: level, destination: .file(path: defaultLogFile(environment: environment), createFolder: true))
        }
        return LoggingSetup(level: level, destination: .standardError)
    }

    /// The level `SQUINT_LOG` names (any case, surrounding spaces ignored), `nil` when it is unset or empty.
    public static func level(named value: String?) throws(LoggingError) -> Logger.Level? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        guard let level = Logger.Level(rawValue: trimmed.lowercased()) else { throw .unknownLevel(value) }
        return level
    }

    /// `$XDG_STATE_HOME/squint/squint.log`, falling back to `~/.local/state/squint/squint.log` (XDG's place for
    /// logs; a relative `XDG_STATE_HOME` is invalid and ignored).
    public static func defaultLogFile(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return trimmingSlash(state) + "/squint/squint.log"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return trimmingSlash(home) + "/.local/state/squint/squint.log"
    }

    /// This setup once `later` asked too: the first setup stays, except that a later wish to keep off the
    /// terminal (a full-screen UI starting after logging went to stderr) moves the log to its file.
    func merged(with later: LoggingSetup) -> LoggingSetup {
        guard isEnabled, destination == .standardError, later.isEnabled, case .file = later.destination else { return self }
        return LoggingSetup(level: level, destination: later.destination)
    }

    private static func trimmingSlash(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
