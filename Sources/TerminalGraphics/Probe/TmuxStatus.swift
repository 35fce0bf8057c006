import Foundation

/// What tmux, sitting between Squint and the real terminal, lets through.
public struct TmuxStatus: Sendable, Equatable {
    /// tmux itself understands sixel (`#{sixel_support}`) and the outer terminal does too, so sixel can be written as is.
    public var nativeSixel: Bool
    /// The outer terminal reports sixel among `#{client_termfeatures}`.
    public var outerSixel: Bool
    /// `allow-passthrough` is `on` or `all`: DCS passthrough (`ESC Ptmux;`) reaches the outer terminal.
    public var passthroughAllowed: Bool
    /// The outer terminal's name (`#{client_termname}`), e.g. `xterm-kitty`.
    public var clientTermName: String

    public init(nativeSixel: Bool, outerSixel: Bool, passthroughAllowed: Bool, clientTermName: String) {
        self.nativeSixel = nativeSixel
        self.outerSixel = outerSixel
        self.passthroughAllowed = passthroughAllowed
        self.clientTermName = clientTermName
    }

    /// Parses the one line printed by `tmux display -p '#{sixel_support}|#{client_termfeatures}|#{client_termname}'`
    /// and the value of `tmux show -gv allow-passthrough`.
    public init(displayLine: String, allowPassthrough: String) {
        let fields = displayLine.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        let features = fields.count > 1 ? fields[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } : []
        outerSixel = features.contains("sixel")
        nativeSixel = (fields.first == "1") && outerSixel
        clientTermName = fields.count > 2 ? fields[2] : ""
        let passthrough = allowPassthrough.trimmingCharacters(in: .whitespacesAndNewlines)
        passthroughAllowed = passthrough == "on" || passthrough == "all"
    }

    /// Asks the tmux server this process runs under (runs `tmux display` and `tmux show`); nil when
    /// there is no tmux to ask.
    public static func query() -> TmuxStatus? {
        TmuxQuery.status()
    }

    /// The one message to show when images need passthrough and tmux blocks it.
    public static let passthroughOffMessage =
        "tmux blocks image passthrough; run `tmux set -g allow-passthrough on` to see pictures instead of symbols"
}
