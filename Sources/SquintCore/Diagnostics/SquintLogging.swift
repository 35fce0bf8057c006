import GeminiAPI
import Logging
import Synchronization

/// The process's logging: installed once from a `LoggingSetup`, then asked for loggers.
///
/// `LoggingSystem.bootstrap` traps when called twice, and several front ends may each try to set logging
/// up (every API command's options, the TUI before curses starts): the first setup wins and later calls
/// are answered with it — except that a later full-screen UI still moves the log off stderr.
public enum SquintLogging {
    private struct Installed {
        var setup: LoggingSetup
        /// `nil` when logging is off.
        var sink: LogSink?
    }

    private static let installed = Mutex<Installed?>(nil)

    /// Installs `setup` for the whole process on the first call (opening the log file then); later calls
    /// change nothing but the move off stderr described in the type's comment. Returns the setup in force.
    @discardableResult
    public static func bootstrap(_ setup: LoggingSetup) throws(LoggingError) -> LoggingSetup {
        try installed.withLock { state throws(LoggingError) -> LoggingSetup in
            if let current = state {
                let merged = current.setup.merged(with: setup)
                if merged != current.setup, case .file(let path, let createFolder) = merged.destination {
                    try current.sink?.redirect(toFile: path, createFolder: createFolder)
                    state?.setup = merged
                }
                return merged
            }
            let sink: LogSink?
            switch (setup.level, setup.destination) {
            case (nil, _): sink = nil
            case (_, .standardError): sink = .standardError()
            case (_, .file(let path, let createFolder)): sink = try .appending(toFile: path, createFolder: createFolder)
            }
            // Every `Logger(label:)` in the process, libraries' included, follows the setup — silent when off,
            // instead of swift-log's default of info lines on stdout.
            let level = setup.level
            LoggingSystem.bootstrap { label in
                guard let sink, let level else { return SwiftLogNoOpLogHandler() }
                return SquintLogHandler(label: label, sink: sink, level: level)
            }
            state = Installed(setup: setup, sink: sink)
            return setup
        }
    }

    /// The setup in force; `.off` before `bootstrap`.
    public static var current: LoggingSetup {
        installed.withLock { $0?.setup ?? .off }
    }

    /// A logger for `label` that writes as the installed setup says, and silently drops everything before
    /// `bootstrap` or when logging is off — so library code and tests that never bootstrap stay quiet.
    ///
    /// - Parameter apiKey: removed from every line besides the key shapes always removed; pass the key
    ///   the logger's user sends (the Gemini client's logger gets it from `SquintSettings.gemini()`).
    public static func logger(label: String, redacting apiKey: String = "") -> Logger {
        let state = installed.withLock { $0 }
        guard let sink = state?.sink, let level = state?.setup.level else {
            return Logger(label: label) { _ in SwiftLogNoOpLogHandler() }
        }
        let redactor = KeyRedactor(apiKey: apiKey)
        return Logger(label: label) { _ in SquintLogHandler(label: label, sink: sink, level: level, redactor: redactor) }
    }
}
