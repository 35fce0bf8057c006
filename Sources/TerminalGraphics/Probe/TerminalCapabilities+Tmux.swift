extension TerminalCapabilities {
    /// What gets through tmux. The environment and the replies describe tmux there (it answers DA1 and XTVERSION
    /// itself, and a `KITTY_WINDOW_ID` may be inherited from where the server started), so kitty and sixel are
    /// decided from what tmux recorded of the terminal outside: kitty only from 0.28, which draws the Unicode
    /// placeholders tmux can carry; sixel only when tmux itself does sixel (a sixel passed through would be
    /// overdrawn by tmux's next redraw of the pane). Returns what `allow-passthrough off` keeps out, and why
    /// pictures are text when the outer terminal could do better.
    static func throughTmux(
        _ tmux: TmuxStatus, environment: TerminalEnvironment, protocols: inout Set<GraphicsProtocol>
    ) -> (blocked: Set<GraphicsProtocol>, limit: TmuxLimit?) {
        protocols.subtract([.kitty, .sixel])
        var limit: TmuxLimit?
        let outer = tmux.outerTerminal
        if let outer, outer.isKitty {
            if outer.isAtLeast(TmuxLimit.placeholderKitty) {
                protocols.insert(.kitty)
            } else {
                limit = .kittyTooOld(version: outer.version)
            }
        } else if outer == nil, tmux.clientTermName == "xterm-kitty" || environment.isKitty {
            limit = .kittyVersionUnknown
        }
        if outer?.name == "iTerm2" { protocols.insert(.iterm) }
        if tmux.nativeSixel {
            protocols.insert(.sixel)
        } else if tmux.outerSixel, limit == nil {
            limit = .tmuxWithoutSixel
        }
        guard !tmux.passthroughAllowed else { return ([], limit) }
        // Without passthrough only tmux's own sixel gets through.
        let before = protocols
        protocols.subtract([.kitty, .iterm])
        let blocked = before.subtracting(protocols)
        // Turning passthrough on is the first step unless the kitty outside is too old to use it anyway.
        if !blocked.isEmpty || limit == .kittyVersionUnknown { limit = .passthroughOff }
        return (blocked, limit)
    }
}
