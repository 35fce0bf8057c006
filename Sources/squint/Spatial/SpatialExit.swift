import ArgumentParser
import GeminiAPI
import SquintCore
import TerminalGraphics

/// Prints a failure as one line on stderr and picks the exit code.
enum SpatialExit {
    static func report(_ error: any Error) -> ExitCode {
        StandardError.print("squint: \(TerminalSanitizer.sanitize(String(describing: error)))")
        return ExitCode(1)
    }
}
