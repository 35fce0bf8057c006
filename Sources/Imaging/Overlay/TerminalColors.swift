/// How many colours the terminal can show in text cells, as far as detection colours are concerned.
///
/// TerminalGraphics has its own `ColorDepth` for the symbols renderer; this one lives here because the one
/// colour rule (SquintCore) must choose picture colours to match what the list can show, and it tells 8 from
/// 16 colours, which the list swatches need.
public enum TerminalColors: Sendable, Hashable, CaseIterable {
    /// No colour at all (`NO_COLOR`, or a terminal without colours): attributes only.
    case monochrome
    case ansi8
    case ansi16
    case palette256
    case truecolor

    /// From the terminfo colour count (and whether colour is in use at all).
    public init(colorCount: Int, enabled: Bool = true) {
        switch colorCount {
        case _ where !enabled || colorCount < 8: self = .monochrome
        case 8..<16: self = .ansi8
        case 16..<256: self = .ansi16
        case 256..<0x1000000: self = .palette256
        default: self = .truecolor
        }
    }

    /// The palette indices a label colour may become, best first: no black (invisible on dark terminals), and
    /// on 256 colours only the 6x6x6 cube (the first 16 are themed by the terminal, so their RGB is a guess).
    var candidates: [Int] {
        switch self {
        case .monochrome, .truecolor: []
        case .ansi8: Array(1...7)
        case .ansi16: Array(1...15)
        case .palette256: Array(16...231)
        }
    }

    /// xterm's default RGB for a palette index (0–255).
    public static func xtermRGB(_ index: Int) -> RGBA {
        let basic: [(UInt8, UInt8, UInt8)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        switch index {
        case 0..<16:
            let (r, g, b) = basic[index]
            return RGBA(r, g, b)
        case 16..<232:
            let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
            let i = index - 16
            return RGBA(levels[i / 36], levels[i / 6 % 6], levels[i % 6])
        default:
            let level = UInt8(clamping: 8 + 10 * (min(index, 255) - 232))
            return RGBA(level, level, level)
        }
    }
}

/// A label's colour as the terminal can show it: what the picture draws, and how the list marks it.
public struct LabelColor: Sendable, Hashable {
    /// The colour boxes, masks and tags are drawn in. On 8 and 16 colours this is the terminal colour the list
    /// uses (xterm's RGB for it), so the picture and the list still match.
    public var rgba: RGBA
    /// The palette index the list shows the label in; nil on truecolor (use `rgba` directly) and monochrome.
    public var index: Int?
    /// A contrasting rim for lines and tags (the monochrome scheme: white boxes rimmed in black).
    public var edge: RGBA?
    /// On monochrome, which of the attribute marks (0 reverse, 1 bold underline, 2 underline) the list's
    /// swatch uses, cycling by label; 0 elsewhere.
    public var mark: Int

    public init(rgba: RGBA, index: Int? = nil, edge: RGBA? = nil, mark: Int = 0) {
        self.rgba = rgba
        self.index = index
        self.edge = edge
        self.mark = mark
    }
}

extension OverlayPalette {
    /// One `LabelColor` per distinct label (in order of first appearance) for a terminal with `colors`.
    ///
    /// Each label's palette colour maps to the nearest terminal colour not yet taken, so labels stay distinct
    /// as long as the terminal has colours left (7 on 8-colour terminals, 15 on 16); after that the nearest
    /// overall. On 8 and 16 colours the picture uses the chosen colour too; on 256 and truecolor it keeps the
    /// palette's own colour (the list's nearest cube colour is close enough to read as the same).
    public func labelColors(forLabels labels: [String], terminal colors: TerminalColors) -> [String: LabelColor] {
        let assigned = self.colors(forLabels: labels)
        var order: [String] = []
        for label in labels where !order.contains(label) { order.append(label) }
        var result: [String: LabelColor] = [:]
        var taken = Set<Int>()
        for (position, label) in order.enumerated() {
            let wanted = assigned[label] ?? color(at: 0)
            switch colors {
            case .truecolor:
                result[label] = LabelColor(rgba: wanted)
            case .monochrome:
                result[label] = LabelColor(rgba: RGBA(255, 255, 255), edge: RGBA(0, 0, 0), mark: position % 3)
            case .ansi8, .ansi16, .palette256:
                let free = colors.candidates.filter { !taken.contains($0) }
                let index = Self.nearest(wanted, among: free.isEmpty ? colors.candidates : free)
                taken.insert(index)
                result[label] = LabelColor(rgba: colors == .palette256 ? wanted : TerminalColors.xtermRGB(index), index: index)
            }
        }
        return result
    }

    /// The palette index whose xterm RGB is closest to `color` (channels weighted 3:4:2, as the eye is most
    /// sensitive to green), the earlier index on ties.
    static func nearest(_ color: RGBA, among indices: [Int]) -> Int {
        var best = indices.first ?? 7, bestDistance = Int.max
        for index in indices {
            let c = TerminalColors.xtermRGB(index)
            let dr = Int(c.r) - Int(color.r), dg = Int(c.g) - Int(color.g), db = Int(c.b) - Int(color.b)
            let distance = 3 * dr * dr + 4 * dg * dg + 2 * db * db
            if distance < bestDistance { bestDistance = distance; best = index }
        }
        return best
    }
}
