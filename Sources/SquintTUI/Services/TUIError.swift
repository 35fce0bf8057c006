/// A TUI failure with a one-line description a person can act on.
public struct TUIError: Error, CustomStringConvertible {
    private enum Code {
        case unavailable(String)
        case terminal(String)
    }
    private let code: Code

    /// A service the TUI needs is not there (no decoder, no store).
    public static func unavailable(_ what: String) -> TUIError { TUIError(code: .unavailable(what)) }
    /// The terminal cannot run the interface.
    public static func terminal(_ what: String) -> TUIError { TUIError(code: .terminal(what)) }

    public var description: String {
        switch code {
        case .unavailable(let what): return what
        case .terminal(let what): return "terminal: \(what)"
        }
    }
}
