/// A colour as a theme file writes it: the terminal's default, one of the 256 palette entries, or 24-bit RGB.
public enum ThemeColor: Sendable, Hashable {
    case terminalDefault
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)

    static let names: [String: Int] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "gray": 8, "grey": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    /// Parses `default`, a colour name, `#rrggbb`, or a palette index given as a number or numeric string.
    public init?(parsing text: String) {
        let lower = text.lowercased()
        if lower == "default" || lower == "none" { self = .terminalDefault; return }
        if let index = ThemeColor.names[lower] { self = .indexed(index); return }
        if lower.hasPrefix("#"), lower.count == 7, let value = UInt32(lower.dropFirst(), radix: 16) {
            self = .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
            return
        }
        if let index = Int(lower), (0...255).contains(index) { self = .indexed(index); return }
        return nil
    }

    /// The RGB value of this colour (palette entries by the xterm defaults), nil for the terminal default.
    public var rgbValue: (r: Int, g: Int, b: Int)? {
        switch self {
        case .terminalDefault: return nil
        case .rgb(let r, let g, let b): return (Int(r), Int(g), Int(b))
        case .indexed(let i): return ThemeColor.xtermRGB(i)
        }
    }

    /// The nearest palette index among the first `colors` entries (8, 16 or 256), -1 for the terminal default.
    /// `lightBackground` says the colour is drawn on a light terminal (a light theme): there, greys that a small
    /// palette cannot show go dark instead of light, or they would vanish into the background.
    public func paletteIndex(colors: Int, lightBackground: Bool = false) -> Int {
        switch self {
        case .terminalDefault: return -1
        case .indexed(let i) where i < colors: return i
        default:
            guard let (r, g, b) = rgbValue else { return -1 }
            if colors < 256 && max(r, g, b) - min(r, g, b) < 40 {
                // Greys on an 8/16-colour terminal: nearest-RGB would make dark greys black (invisible borders
                // on a black background), so pick by lightness instead.
                let luma = (r * 299 + g * 587 + b * 114) / 1000
                if lightBackground {
                    // Mirror image: near-white stays white, light greys become the light grey entry (7) only
                    // when used that light; anything darker turns grey (16 colours) or black (8).
                    if luma > 235 { return colors >= 16 ? 15 : 7 }
                    if luma >= 190 { return 7 }
                    return luma >= 40 && colors >= 16 ? 8 : 0
                }
                if luma < 40 { return 0 }
                if luma < 170 { return colors >= 16 ? 8 : 7 }
                return colors >= 16 && luma > 235 ? 15 : 7
            }
            let limit = colors >= 256 ? 256 : min(colors, 16)
            var best = 0, bestDistance = Int.max
            // With 256 colours skip the first 16: terminals theme them, so their RGB is a guess.
            let start = limit == 256 ? 16 : 0
            for i in start..<limit {
                let (pr, pg, pb) = ThemeColor.xtermRGB(i)
                let d = (pr - r) * (pr - r) * 3 + (pg - g) * (pg - g) * 4 + (pb - b) * (pb - b) * 2
                if d < bestDistance { bestDistance = d; best = i }
            }
            return best
        }
    }

    /// `foreground`, unless a small palette turned it into the background's own colour (light grey text on a
    /// dark grey bar both become white on 8 colours): then black or white, whichever shows on that background.
    /// Numbers are curses colour numbers; -1 (the terminal default) and direct RGB (above 255) pass through.
    public static func legibleForeground(_ foreground: Int, on background: Int) -> Int {
        guard foreground == background, (0..<256).contains(background) else { return foreground }
        let (r, g, b) = xtermRGB(background)
        return (r * 299 + g * 587 + b * 114) / 1000 > 128 ? 0 : 7
    }

    /// xterm's default RGB for a palette index.
    static func xtermRGB(_ index: Int) -> (Int, Int, Int) {
        let basic: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if index < 16 { return basic[max(0, index)] }
        if index < 232 {
            let i = index - 16
            let levels = [0, 95, 135, 175, 215, 255]
            return (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
        }
        let v = 8 + (index - 232) * 10
        return (v, v, v)
    }
}
