import Foundation

/// What tmux, sitting between Squint and the real terminal, lets through, and what it knows about that terminal.
public struct TmuxStatus: Sendable, Equatable {
    /// tmux itself understands sixel (`#{sixel_support}`) and the outer terminal does too, so sixel can be written as is.
    public var nativeSixel: Bool
    /// The outer terminal reports sixel among `#{client_termfeatures}`.
    public var outerSixel: Bool
    /// `allow-passthrough` is on (or `all`) for this pane: DCS passthrough (`ESC Ptmux;`) reaches the outer terminal.
    public var passthroughAllowed: Bool
    /// The outer terminal's `TERM` (`#{client_termname}`), e.g. `xterm-kitty`.
    public var clientTermName: String
    /// The outer terminal's XTVERSION reply as tmux recorded it (`#{client_termtype}`), e.g. `kitty(0.26.5)`;
    /// empty when tmux has none (no client attached, a terminal that does not answer, tmux before 3.3).
    public var clientTermType: String

    public init(nativeSixel: Bool, outerSixel: Bool, passthroughAllowed: Bool, clientTermName: String, clientTermType: String = "") {
        self.nativeSixel = nativeSixel
        self.outerSixel = outerSixel
        self.passthroughAllowed = passthroughAllowed
        self.clientTermName = clientTermName
        self.clientTermType = clientTermType
    }

    /// The format `TmuxQuery` asks `tmux display -p` for, answered by one line that `init(displayLine:)` reads.
    /// `#{allow-passthrough}` is the pane's effective value (set with `-p`, `-w` or `-g`): `0`/`1` in tmux 3.3,
    /// `0`/`1`/`2` (`all`) in 3.4.
    public static let displayFormat = "#{sixel_support}|#{client_termfeatures}|#{client_termname}|#{client_termtype}|#{allow-passthrough}"

    /// Parses the line printed for `displayFormat`. tmux leaves what it does not know empty (3.3 has no
    /// `sixel_support`, a detached session no client).
    public init(displayLine: String) {
        let fields = displayLine.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        func field(_ index: Int) -> String { index < fields.count ? fields[index].trimmingCharacters(in: .whitespaces) : "" }
        let features = field(1).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        outerSixel = features.contains("sixel")
        nativeSixel = field(0) == "1" && outerSixel
        clientTermName = field(2)
        clientTermType = field(3)
        passthroughAllowed = ["1", "2", "on", "all"].contains(field(4))
    }

    /// The terminal outside tmux, from what tmux recorded of its XTVERSION reply.
    public var outerTerminal: TerminalVersion? { TerminalVersion(clientTermType) }

    /// Asks the tmux server this process runs under (runs `tmux display`); nil when there is no tmux to ask.
    public static func query() -> TmuxStatus? {
        TmuxQuery.status()
    }

    /// The one message to show when images need passthrough and tmux blocks it.
    public static let passthroughOffMessage =
        "tmux blocks image passthrough; run `tmux set -g allow-passthrough on` to see pictures instead of symbols"
}
