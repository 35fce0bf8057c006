/// Why logging could not be set up, as one line naming what to fix: the `SQUINT_LOG` value or the log file.
///
/// A broken request for diagnostics is an error, not a silent default: someone who asked for a log
/// to attach to a bug report must not find out afterwards that nothing was written.
public struct LoggingError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case unknownLevel(String)
        case cannotOpen(path: String, reason: String)
    }

    private let code: Code
    private init(_ code: Code) { self.code = code }

    static func unknownLevel(_ value: String) -> Self { .init(.unknownLevel(value)) }
    static func cannotOpen(_ path: String, reason: String) -> Self { .init(.cannotOpen(path: path, reason: reason)) }

    public var description: String {
        switch code {
        case .unknownLevel(let value):
            "\(LoggingSetup.environmentVariable): must be one of \(LoggingSetup.levelNames.joined(separator: ", ")), not \"\(value)\""
        case .cannotOpen(let path, let reason):
            "\(path): cannot open the log file: \(reason)"
        }
    }
}
