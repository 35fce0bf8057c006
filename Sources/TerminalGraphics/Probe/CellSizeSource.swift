/// Where the cell pixel size came from, most trusted first; kept so `--verbose` output and tests can tell.
public enum CellSizeSource: Sendable, Hashable {
    /// `TIOCGWINSZ`'s `ws_xpixel`/`ws_ypixel` divided by the cell counts.
    case windowSize
    /// The terminal's answer to `CSI 16t`.
    case cellReply
    /// The text area in pixels (`CSI 14t`) divided by the text area in cells (`CSI 18t` or `TIOCGWINSZ`).
    case textAreaDivision
    /// The configured default (`--cell-size`, 10x20 unless told).
    case fallback
}
