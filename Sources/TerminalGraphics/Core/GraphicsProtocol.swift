/// A way of putting a picture on a terminal, from the richest to the most portable.
public enum GraphicsProtocol: String, Sendable, CaseIterable, Hashable, CustomStringConvertible {
    case kitty
    case sixel
    case iterm
    case symbols
    case ascii

    /// Whether the protocol draws real pixels (as opposed to coloured characters curses can draw).
    public var isPixelProtocol: Bool {
        switch self {
        case .kitty, .sixel, .iterm: true
        case .symbols, .ascii: false
        }
    }

    public var description: String { rawValue }
}

/// What a person asked for on the command line or in the config: a protocol, or let the probe decide.
public enum ProtocolPreference: Sendable, Hashable, CustomStringConvertible {
    case auto
    case forced(GraphicsProtocol)

    /// Parses `auto`, `kitty`, `sixel`, `iterm` (or `iterm2`), `symbols`, `ascii`; nil for anything else.
    public init?(argument: String) {
        let value = argument.lowercased()
        if value == "auto" {
            self = .auto
        } else if value == "iterm2" {
            self = .forced(.iterm)
        } else if let proto = GraphicsProtocol(rawValue: value) {
            self = .forced(proto)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .auto: "auto"
        case .forced(let proto): proto.rawValue
        }
    }
}
