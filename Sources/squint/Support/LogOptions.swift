import ArgumentParser
import Foundation
import SquintCore

/// `--verbose` and `--log-file`: diagnostics a user can attach to a bug report, the API key removed.
///
/// Part of `APIOptions`, so every command that talks to the API takes them. Logging is set up once per
/// process (`SquintLogging.bootstrap`); calling `bootstrap` again is harmless.
struct LogOptions: ParsableArguments {
    @Flag(help: """
        Log each request at debug level (method, path, attempt, status, sizes, retry waits, and the HTTP \
        client's own messages) to stderr; the TUI writes to $XDG_STATE_HOME/squint/squint.log instead. The API \
        key is always removed. SQUINT_LOG=trace|debug|info|notice|warning|error|critical sets the level \
        without this flag (the more detailed of the two wins).
        """)
    var verbose = false

    @Option(name: .customLong("log-file"),
            help: ArgumentHelp("Append the log to this file instead (created with mode 0600). Alone it means debug level; with SQUINT_LOG set, that level.", valueName: "path"))
    var logFile: String?

    /// The setup these options and `SQUINT_LOG` ask for, without installing it.
    func setup(environment: [String: String], terminalUI: Bool = false) throws(LoggingError) -> LoggingSetup {
        try LoggingSetup.resolve(verbose: verbose, logFile: logFile, environment: environment, terminalUI: terminalUI)
    }

    /// Installs logging for the process (first call wins) and returns the setup in force.
    @discardableResult
    func bootstrap(environment: [String: String] = ProcessInfo.processInfo.environment) throws(LoggingError) -> LoggingSetup {
        try SquintLogging.bootstrap(setup(environment: environment))
    }

    /// For the TUI, before curses takes the terminal: installs logging with stderr off limits (moving it off
    /// stderr if a command already sent it there) and returns the file the log goes to, `nil` when logging
    /// is off — for a "logging to PATH" line. A bad `SQUINT_LOG` or an unopenable file is a usage error.
    @discardableResult
    func bootstrapForTerminalUI(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        do {
            return try SquintLogging.bootstrap(setup(environment: environment, terminalUI: true)).filePath
        } catch {
            throw ValidationError(error.description)
        }
    }
}
