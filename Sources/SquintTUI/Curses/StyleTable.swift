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
            let background = pairs.colorNumber(style.background, lightBackground: light)
            let foreground = Int32(ThemeColor.legibleForeground(Int(pairs.colorNumber(style.foreground, lightBackground: light)),
                                                                on: Int(background)))
            // Bold black is grey on 8/16-colour terminals (xterm's boldColors): black text on a coloured bar
            // would go faint, so it stays plain there.
            if foreground == 0 && pairs.colors <= 16 { attrs &= ~CursesAttributes.bold }
            let pair = pairs.pair(foreground: foreground, background: background)
            resolved[role] = Resolved(attrs: attrs, pair: pair)
        }
    }

    func style(_ role: ThemeRole) -> Resolved { resolved[role] ?? Resolved(attrs: 0, pair: 0) }

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
}
