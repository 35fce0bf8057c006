/// A TUI failure with a one-line description a person can act on.
public struct TUIError: Error, CustomStringConvertible {
    private enum Code {
        case unavailable(String)
        case terminal(String)
        case unsaved(count: Int, reason: String)
    }
    private let code: Code

    /// A service the TUI needs is not there (no decoder, no store).
    public static func unavailable(_ what: String) -> TUIError { TUIError(code: .unavailable(what)) }
    /// The terminal cannot run the interface.
    public static func terminal(_ what: String) -> TUIError { TUIError(code: .terminal(what)) }
    /// Review decisions the store did not take.
    public static func unsaved(count: Int, reason: String) -> TUIError { TUIError(code: .unsaved(count: count, reason: reason)) }

    /// Review decisions were lost: the session ended badly, not the setup.
    public var isUnsaved: Bool {
        if case .unsaved = code { return true }
        return false
    }

    public var description: String {
        switch code {
        case .unavailable(let what): return what
        case .terminal(let what): return "terminal: \(what)"
        case .unsaved(let count, let reason): return "\(count) review decision\(count == 1 ? " was" : "s were") not saved: \(reason)"
        }
    }
}
