import Imaging
import CNcursesw

/// Theme roles resolved to curses attributes and colour pairs for the current terminal.
final class StyleTable {
    struct Resolved {
        var attrs: attr_t
        var pair: Int32
    }

    private(set) var theme: Theme
    private var resolved: [ThemeRole: Resolved] = [:]
    let pairs: ColorPairs

    init(theme: Theme, pairs: ColorPairs) {
        self.theme = theme
        self.pairs = pairs
        load(theme)
    }

    func load(_ theme: Theme) {
        self.theme = theme
        pairs.reset()
        resolved = [:]
        for role in ThemeRole.allCases {
            let style = theme.style(role)
            var attrs: attr_t = 0
            if style.bold { attrs |= CursesAttributes.bold }
            if style.underline { attrs |= CursesAttributes.underline }
            if style.reverse { attrs |= CursesAttributes.reverse }
            if style.dim { attrs |= CursesAttributes.dim }
            let light = theme.background == .light
            let background = pairs.colorNumber(style.background, lightBackground: light, asBackground: true)
            let foreground = Int32(ThemeColor.legibleForeground(Int(pairs.colorNumber(style.foreground, lightBackground: light)),
                                                                on: Int(background)))
            // Bold black is grey on 8/16-colour terminals (xterm's boldColors): black text on a coloured bar
            // would go faint, so it stays plain there.
            if foreground == 0 && pairs.colors <= 16 { attrs &= ~CursesAttributes.bold }
            if Self.selectionBlendsIn(role, background: background, colors: pairs.colors, light: light) { attrs |= CursesAttributes.underline }
            let pair = pairs.pair(foreground: foreground, background: background)
            resolved[role] = Resolved(attrs: attrs, pair: pair)
        }
        pairs.pin()
    }

    func style(_ role: ThemeRole) -> Resolved { resolved[role] ?? Resolved(attrs: 0, pair: 0) }

    /// Black or white badge text by the colour the terminal actually shows: a palette colour's own RGB (a label's
    /// orange becomes xterm's olive on 8 colours, where white text hardly reads), a direct colour's by the label.
    static func badgeTextIsBlack(background: Int, label: RGBA) -> Bool {
        guard (0..<256).contains(background) else { return OverlayPalette.textColor(on: label) == RGBA(0, 0, 0) }
        let (r, g, b) = ThemeColor.xtermRGB(background)
        return (r * 299 + g * 587 + b * 114) / 1000 > 128
    }

    /// True when a selected row's background comes out as the terminal's own on an 8/16-colour terminal (the
    /// dark theme's grey bar is black on xterm's 8 colours): the row is underlined, or nothing would show which
    /// one is selected once its pane loses focus.
    static func selectionBlendsIn(_ role: ThemeRole, background: Int32, colors: Int, light: Bool) -> Bool {
        guard role == .selection || role == .selectionInactive, colors <= 16 else { return false }
        return background == -1 || (light ? background == 7 || background == 15 : background == 0)
    }

    /// A detection's colour as a foreground on the preview's background, bold so thin outlines stay visible.
    /// A detection's colour (the one colour rule, by label) as the terminal can show it.
    func detection(_ rgba: RGBA, selected: Bool) -> Resolved {
        let color = pairs.colorNumber(r: rgba.r, g: rgba.g, b: rgba.b)
        let pair = pairs.pair(foreground: color, background: -1)
        var attrs = CursesAttributes.bold
        if selected { attrs |= CursesAttributes.reverse }
        if !pairs.enabled && selected { attrs |= CursesAttributes.underline }
        return Resolved(attrs: attrs, pair: pair)
    }

    /// A text-mode outline in a label's colour: bold for the selected one (or when nothing is selected), dim for
    /// the rest while one is selected.
    func outline(_ color: LabelColor, emphasis: Overlay.Emphasis) -> Resolved {
        let pair = pairs.pair(foreground: pairs.colorNumber(color), background: -1)
        return Resolved(attrs: emphasis == .dimmed ? CursesAttributes.dim : CursesAttributes.bold, pair: pair)
    }

    /// A number badge (list rows, text-mode tags): the number on the label's colour, in black or white, whichever
    /// reads; on monochrome one of three attribute marks (reverse, bold underline, underline) by label.
    func badge(_ color: LabelColor) -> Resolved {
        guard pairs.enabled, pairs.terminalColors != .monochrome else {
            let marks = [CursesAttributes.reverse, CursesAttributes.bold | CursesAttributes.underline, CursesAttributes.underline]
            return Resolved(attrs: marks[color.mark % marks.count], pair: 0)
        }
        let background = pairs.colorNumber(color)
        let black = Self.badgeTextIsBlack(background: Int(background), label: color.rgba)
        // Black text is not bold: xterm shows bold black as grey, which hardly reads on cyan or yellow.
        let foreground: Int32 = black ? 0 : (pairs.colors >= 16 ? 15 : 7)
        return Resolved(attrs: black ? 0 : CursesAttributes.bold, pair: pairs.pair(foreground: foreground, background: background))
    }
}
