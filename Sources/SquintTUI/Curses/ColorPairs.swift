import CNcursesw
import Imaging

/// Allocates curses colour pairs on demand for (foreground, background) colour numbers.
///
/// Themes need a handful of pairs; text-mode pictures need one per distinct cell colour combination, so pairs
/// are handed out lazily and the table starts again when the terminal's supply runs out.
final class ColorPairs {
    private var pairs: [Int64: Int32] = [:]
    private var nextPair: Int32 = 1
    /// Pairs below this number are the theme's and survive running out (see `pin`).
    private var pinned: Int32 = 1
    let colors: Int
    let maxPairs: Int32
    let enabled: Bool
    /// True when the terminal takes 24-bit colour numbers directly (a `-direct` terminfo entry).
    let direct: Bool

    init(enabled: Bool) {
        self.enabled = enabled && has_colors()
        // COLORS and COLOR_PAIRS are C globals Swift 6 will not read; terminfo has the same numbers.
        let terminfoColors = Int(tigetnum("colors"))
        let terminfoPairs = Int(tigetnum("pairs"))
        colors = terminfoColors > 0 ? terminfoColors : 8
        maxPairs = Int32(min(terminfoPairs > 0 ? terminfoPairs : 64, 65_535))
        direct = colors >= 0x1000000
    }

    /// What detection colours can be at this terminal's depth (monochrome when colour is off).
    var terminalColors: TerminalColors { TerminalColors(colorCount: colors, enabled: enabled) }

    /// The curses colour number for a label colour: its chosen palette index, or direct RGB on truecolor.
    func colorNumber(_ color: LabelColor) -> Int32 {
        guard enabled else { return -1 }
        if let index = color.index { return Int32(index) }
        return colorNumber(r: color.rgba.r, g: color.rgba.g, b: color.rgba.b)
    }

    /// The curses colour number for a theme colour: -1 (default), a palette index, or direct RGB.
    func colorNumber(_ color: ThemeColor, lightBackground: Bool = false) -> Int32 {
        guard enabled else { return -1 }
        if direct, let (r, g, b) = color.rgbValue, case .rgb = color { return Int32(r << 16 | g << 8 | b) }
        return Int32(color.paletteIndex(colors: colors, lightBackground: lightBackground))
    }

    /// The curses colour number for an RGB cell colour.
    func colorNumber(r: UInt8, g: UInt8, b: UInt8) -> Int32 {
        colorNumber(.rgb(r, g, b))
    }

    /// A pair for these colour numbers, allocating one if needed; 0 when colour is off.
    func pair(foreground: Int32, background: Int32) -> Int32 {
        guard enabled else { return 0 }
        if foreground == -1 && background == -1 { return 0 }
        let key = Int64(foreground) << 32 | Int64(UInt32(bitPattern: background))
        if let existing = pairs[key] { return existing }
        if nextPair >= maxPairs {
            // Out of pairs: start over above the pinned theme pairs (an 8-colour xterm has 64 pairs, fewer than a
            // text-mode picture's combinations; recycling a theme pair recoloured every pane). Cells already on
            // screen keep whatever their pair now means until redrawn.
            pairs = pairs.filter { $0.value < pinned }
            nextPair = pinned
        }
        let pair = nextPair
        nextPair += 1
        init_extended_pair(pair, foreground, background)
        pairs[key] = pair
        return pair
    }

    /// Forgets every pair (after a theme change) so new definitions replace old ones.
    func reset() {
        pairs.removeAll()
        nextPair = 1
        pinned = 1
    }

    /// Keeps the pairs allocated so far (the theme's) when the supply runs out and pairs are handed out again.
    /// Pins at most half the supply, so pictures always have pairs left.
    func pin() {
        pinned = min(nextPair, max(1, maxPairs / 2))
    }
}
