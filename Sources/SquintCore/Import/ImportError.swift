/// A source that cannot be imported at all (missing, unreadable, not the format): one line naming it.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var subject: String
    public var reason: String

    public init(_ subject: String, _ reason: String) {
        self.subject = subject
        self.reason = reason
    }

    public var description: String { "\(subject): \(reason)" }
}
