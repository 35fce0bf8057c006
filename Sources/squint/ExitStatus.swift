import ArgumentParser
import GeminiAPI
import Imaging
import TerminalGraphics
import SquintCore

/// squint's exit codes, decided here and nowhere else, so `--help`, the README and the code cannot disagree.
enum ExitStatus: Int32, CaseIterable {
    case ok = 0
    /// Bad arguments, an unreadable or unsupported image, a bad config file, no API key.
    case usage = 2
    /// The API refused the request (a 4xx other than 408 and 429): the key, model name or request is wrong.
    case refused = 3
    /// The service stayed unavailable after retries (5xx, 408, 429), the network failed, or a stream broke.
    case unavailable = 4
    /// The safety filters blocked the prompt or the answer.
    case blocked = 5
    /// Ctrl-C.
    case interrupted = 130

    /// The status for a failure of a command.
    static func forError(_ error: any Error) -> ExitStatus {
        switch error {
        case let error as GeminiError:
            switch error.category {
            case .refused: return .refused
            case .rateLimited, .unavailable, .invalidResponse: return .unavailable
            case .blocked: return .blocked
            case .cancelled: return .interrupted
            case .configuration: return .usage
            }
        case let error as AskError:
            switch error.category {
            case .usage: return .usage
            case .refused: return .refused
            case .unavailable: return .unavailable
            }
        case is ConfigurationError, is ValidationError, is StoreError, is ExportWriteError, is EvaluationError, is LoggingError, is InputError, is ImportError, is MediaFetcher.Failure,
             is ImagingError, is DetectionOverlays.Failure, is TerminalGraphicsError:
            return .usage
        case let failure as AskFailure:
            return forError(failure.error)
        case is Interrupted, is CancellationError:
            return .interrupted
        default:
            return .unavailable
        }
    }

    /// The `EXIT STATUS` section appended to the help of commands that talk to the API.
    static let helpSection = """
        EXIT STATUS
          0    success
          2    usage: bad arguments, image or config file; no API key
          3    the API refused the request (4xx: key, model, request)
          4    unavailable: 5xx or 429 after retries, network failure,
               or a stream that broke midway (partial answer kept)
          5    blocked by the safety filters
          130  interrupted (Ctrl-C)
        """
}

/// Thrown when Ctrl-C cancelled the work; `cause` is how the work itself ended (an `AskFailure` carrying the
/// partial answer, for `ask --json`).
struct Interrupted: Error {
    var cause: (any Error)?
}
