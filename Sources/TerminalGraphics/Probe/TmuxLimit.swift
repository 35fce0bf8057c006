/// Why pictures inside tmux are drawn with characters although the terminal outside could do better; shown
/// once (the TUI's status bar, `squint view`'s standard error) so a person knows what to change.
public enum TmuxLimit: Sendable, Equatable {
    /// `allow-passthrough` is off, so kitty and iTerm2 pictures cannot reach the outer terminal.
    case passthroughOff
    /// The kitty outside is older than 0.28, which brought the Unicode placeholders pictures inside tmux need.
    case kittyTooOld(version: String)
    /// The terminal outside is kitty, but tmux did not record its version, so placeholders cannot be confirmed.
    case kittyVersionUnknown
    /// The terminal outside shows sixel, but this tmux cannot (sixel came in tmux 3.4, as a build option).
    case tmuxWithoutSixel

    /// The kitty release that first drew Unicode placeholders (virtual placements, `U=1`).
    public static let placeholderKitty = [0, 28, 0]

    public var message: String {
        switch self {
        case .passthroughOff:
            TmuxStatus.passthroughOffMessage
        case .kittyTooOld(let version):
            "kitty \(version) cannot show pictures inside tmux (needs 0.28 or later), so they are drawn with characters"
        case .kittyVersionUnknown:
            "tmux did not say which kitty is outside (pictures in tmux need 0.28 or later); `--protocol kitty` tries anyway"
        case .tmuxWithoutSixel:
            "this tmux cannot pass sixel pictures on (tmux 3.4 or later, built with sixel, can), so they are drawn with characters"
        }
    }
}
