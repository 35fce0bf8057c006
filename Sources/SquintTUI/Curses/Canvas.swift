import CNcursesw
import TerminalGraphics

/// A curses window plus the theme: the only way views draw text.
///
/// Every string is sanitised here and clipped to the window in display columns, so a view can never write an
/// escape sequence or wrap onto the next line by accident.
struct Canvas {
    let window: UnsafeMutablePointer<WINDOW>
    let width: Int
    let height: Int
    let styles: StyleTable

    /// Writes `text` at column `x`, row `y` in `role`'s style, clipped to `maxWidth` columns (default: to the edge).
    func put(_ x: Int, _ y: Int, _ text: String, _ role: ThemeRole = .text, maxWidth: Int? = nil) {
        let style = styles.style(role)
        put(x, y, text, attrs: style.attrs, pair: style.pair, maxWidth: maxWidth)
    }

    func put(_ x: Int, _ y: Int, _ text: String, attrs: attr_t, pair: Int32, maxWidth: Int? = nil) {
        guard y >= 0, y < height, x >= 0, x < width else { return }
        let limit = min(width - x, maxWidth ?? Int.max)
        guard limit > 0 else { return }
        let clean = TerminalSafe.text(text)
        let shown = DisplayWidth.prefix(clean, fitting: limit)
        guard !shown.isEmpty else { return }
        var extended = pair
        wattr_set(window, attrs, Int16(truncatingIfNeeded: min(pair, 32767)), &extended)
        var wide = Array(shown.unicodeScalars.map { wchar_t(bitPattern: $0.value) })
        wide.append(0)
        mvwaddnwstr(window, Int32(y), Int32(x), wide, Int32(wide.count - 1))
        wattr_set(window, 0, 0, nil)
    }

    /// Fills a row segment with spaces in a style (backgrounds for selection bars and the status line).
    func fill(_ x: Int, _ y: Int, _ count: Int, _ role: ThemeRole = .text) {
        guard count > 0 else { return }
        put(x, y, String(repeating: " ", count: min(count, width - x)), role)
    }

    /// Clears the whole window to the text style.
    func clear(_ role: ThemeRole = .text) {
        let style = styles.style(role)
        var extended = style.pair
        wattr_set(window, style.attrs, Int16(truncatingIfNeeded: min(style.pair, 32767)), &extended)
        wbkgdset(window, chtype(32))
        werase(window)
        for y in 0..<height { fill(0, y, width, role) }
        wattr_set(window, 0, 0, nil)
    }

    /// A frame round the window with a title; the focused pane gets the highlighted border. `right` goes on the
    /// bottom border at the right, `footer` at the left (the right-hand text gives way when both do not fit).
    func frame(title: String, focused: Bool, right: String = "", footer: String = "") {
        let role: ThemeRole = focused ? .borderFocused : .border
        guard width >= 2, height >= 2 else { return }
        put(0, 0, "┌" + String(repeating: "─", count: width - 2) + "┐", role)
        for y in 1..<(height - 1) {
            put(0, y, "│", role)
            put(width - 1, y, "│", role)
        }
        put(0, height - 1, "└" + String(repeating: "─", count: width - 2) + "┘", role)
        if !title.isEmpty {
            put(2, 0, " " + DisplayWidth.fit(title, columns: max(1, width - 6), pad: false) + " ", focused ? .titleFocused : .title)
        }
        var footerWidth = 0
        if !footer.isEmpty {
            let text = " " + DisplayWidth.fit(footer, columns: max(1, width - 6), pad: false) + " "
            footerWidth = DisplayWidth.of(text)
            put(2, height - 1, text, .dim)
        }
        if !right.isEmpty {
            let text = " " + right + " "
            let w = DisplayWidth.of(text)
            if w < width - 8, footerWidth == 0 || 2 + footerWidth + 1 + w <= width - 2 { put(width - 2 - w, height - 1, text, .dim) }
        }
    }
}

/// The one call from views to the sanitiser: control characters and bidi overrides never reach curses.
enum TerminalSafe {
    static func text(_ text: String, keepNewlines: Bool = false) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        return TerminalSanitizer.sanitize(text, keepNewlines: keepNewlines)
    }
}
