/// Where a person's review of one detection stands.
public enum ReviewState: Sendable, Hashable, CustomStringConvertible {
    case pending
    case accepted
    case rejected
    /// Accepted under a new label.
    case relabelled(String)

    /// The name stored in the database and shown in JSON.
    public var name: String {
        switch self {
        case .pending: "pending"
        case .accepted: "accepted"
        case .rejected: "rejected"
        case .relabelled: "relabelled"
        }
    }

    /// The new label of a relabelled detection.
    public var newLabel: String? {
        if case .relabelled(let label) = self { return label }
        return nil
    }

    /// Accepted or relabelled: what `--accepted-only` exports keep.
    public var isAccepted: Bool {
        switch self {
        case .accepted, .relabelled: true
        case .pending, .rejected: false
        }
    }

    public var description: String {
        if case .relabelled(let label) = self { return "relabelled as \(label)" }
        return name
    }

    init?(name: String, label: String?) {
        switch name {
        case "pending": self = .pending
        case "accepted": self = .accepted
        case "rejected": self = .rejected
        case "relabelled": self = .relabelled(label ?? "")
        default: return nil
        }
    }
}
