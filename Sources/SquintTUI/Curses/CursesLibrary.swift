import CNcursesw

/// The ncurses library's version, for `squint --version`.
public enum CursesLibrary {
    /// "6.4.20221231" (the library says "ncurses 6.4.20221231").
    public static var version: String {
        let text = String(cString: curses_version())
        return text.hasPrefix("ncurses ") ? String(text.dropFirst("ncurses ".count)) : text
    }
}
