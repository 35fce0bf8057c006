/// The environment variables that hint at what a terminal can do, read once.
///
/// Hints matter most when the terminal cannot be asked (stdout is a pipe) or when a multiplexer
/// answers in its place (tmux replies to DA1 itself).
public struct TerminalEnvironment: Sendable, Equatable {
    public var term: String
    public var termProgram: String
    public var lcTerminal: String
    public var colorTerm: String
    public var kittyWindowID: String?
    public var tmux: String?
    public var noColor: Bool
    public var overSSH: Bool

    public init(_ variables: [String: String]) {
        term = variables["TERM"] ?? ""
        termProgram = variables["TERM_PROGRAM"] ?? ""
        lcTerminal = variables["LC_TERMINAL"] ?? ""
        colorTerm = variables["COLORTERM"]?.lowercased() ?? ""
        kittyWindowID = variables["KITTY_WINDOW_ID"]
        tmux = variables["TMUX"].flatMap { $0.isEmpty ? nil : $0 }
        // no-color.org: set and not empty.
        noColor = !(variables["NO_COLOR"] ?? "").isEmpty
        overSSH = variables["SSH_CONNECTION"] != nil || variables["SSH_TTY"] != nil || variables["SSH_CLIENT"] != nil
    }

    public var inTmux: Bool { tmux != nil || term.hasPrefix("tmux") }
    /// tmux or GNU screen, here or at the other end of an SSH session started inside one (`TERM` is still
    /// `tmux-256color` or tmux's default `screen`): queries the multiplexer would misread are not sent.
    public var inMultiplexer: Bool { inTmux || term.hasPrefix("screen") }
    public var isKitty: Bool { kittyWindowID != nil || term == "xterm-kitty" || termProgram.lowercased() == "ghostty" }
    public var isWezTerm: Bool { termProgram == "WezTerm" }
    public var isITerm: Bool { termProgram == "iTerm.app" || lcTerminal == "iTerm2" }
    public var isVSCode: Bool { termProgram == "vscode" }

    /// Graphics protocols the environment alone vouches for.
    public var hintedProtocols: Set<GraphicsProtocol> {
        var protocols: Set<GraphicsProtocol> = []
        if isKitty || isWezTerm { protocols.insert(.kitty) }
        if isWezTerm || term == "foot" || term.hasPrefix("foot-") || term.contains("mlterm") || term == "xterm-sixel" {
            protocols.insert(.sixel)
        }
        if isITerm || isWezTerm { protocols.insert(.iterm) }
        return protocols
    }

    /// Colour depth from `NO_COLOR`, `COLORTERM`, `TERM` and known terminals.
    public var colorDepth: ColorDepth {
        if noColor || term == "dumb" { return .monochrome }
        if colorTerm == "truecolor" || colorTerm == "24bit" || term.hasSuffix("-direct") || isKitty || isWezTerm || isITerm || isVSCode {
            return .truecolor
        }
        if term.contains("256color") { return .palette256 }
        return .palette16
    }
}
