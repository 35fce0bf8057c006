/// The theme a session starts with and the ones `t` cycles through, decided once before curses starts.
///
/// `auto` (the default, also what `default` means) takes the built-in theme made for the terminal's
/// background — light or dark, dark when the background is unknown. When the background is known, `t` skips
/// themes made for the other one (the light theme's accents on a black terminal are what issue 9 found hard to
/// read); a theme asked for by name always stays in the cycle, and with an unknown background every theme does.
public struct ThemeSelection: Sendable, Equatable {
    public var themes: [Theme]
    public var index: Int
    /// True when the theme was picked from the background rather than named.
    public var automatic: Bool

    public var theme: Theme { themes[index] }

    public static func isAutomatic(_ requested: String?) -> Bool {
        guard let requested else { return true }
        return requested == "auto" || requested == "default" || requested.isEmpty
    }

    /// Resolves `requested` (nil, `auto`, `default`, a theme name or a `.toml` path) among `available`.
    public static func choose(_ requested: String?, among available: [Theme],
                              background: TerminalBackground?) throws(ThemeError) -> ThemeSelection {
        var themes = available.isEmpty ? [Theme(name: "plain", styles: [:], palette: [])] : available
        let chosen: Theme
        let automatic = isAutomatic(requested)
        if automatic {
            let wanted = background ?? .dark
            chosen = themes.first { $0.background == wanted && $0.name == wanted.rawValue }
                ?? themes.first { $0.background == wanted }
                ?? themes[0]
        } else {
            chosen = try ThemeLoader.resolve(requested ?? "", among: themes)
            if let index = themes.firstIndex(where: { $0.name == chosen.name }) { themes[index] = chosen } else { themes.append(chosen) }
        }
        if let background {
            themes.removeAll { $0.name != chosen.name && $0.background != nil && $0.background != background }
        }
        let index = themes.firstIndex { $0.name == chosen.name } ?? 0
        return ThemeSelection(themes: themes, index: index, automatic: automatic)
    }
}
