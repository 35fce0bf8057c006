import TerminalGraphics
import CNcursesw
import Foundation

/// Owns curses: start-up, one window per pane, and the way back to a normal terminal.
///
/// Keys are read with `wget_wch` on the prompt window, which is refreshed every frame; `getch()` on `stdscr`
/// would refresh the never-drawn `stdscr` over everything, pictures included.
final class Screen {
    enum Pane: CaseIterable { case files, preview, answer, detections, prompt, status }

    private(set) var windows: [Pane: UnsafeMutablePointer<WINDOW>] = [:]
    private(set) var overlay: UnsafeMutablePointer<WINDOW>?
    private(set) var input: UnsafeMutablePointer<WINDOW>
    /// `stdscr`, kept from `initscr` (Swift 6 will not read the C global); used only for the too-small notice.
    let root: UnsafeMutablePointer<WINDOW>
    private(set) var layout: Layout
    private(set) var active = false

    init() throws(TUIError) {
        setlocale(LC_ALL, "")
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw .terminal("squint needs a terminal; use `squint view` or `squint ask` in scripts")
        }
        set_escdelay(25)
        // Curses must never scroll screen lines: that would move the picture (see ScrollFreeTerminfo).
        let previous = getenv("TERMINFO").map { String(cString: $0) }
        if let folder = ScrollFreeTerminfo.directory(term: ProcessInfo.processInfo.environment["TERM"] ?? "") {
            setenv("TERMINFO", folder, 1)
        }
        let started = initscr()
        if let previous { setenv("TERMINFO", previous, 1) } else { unsetenv("TERMINFO") }
        guard let root = started else { throw .terminal("cannot start curses (is TERM set?)") }
        self.root = root
        active = true
        cbreak()
        noecho()
        nonl()
        start_color()
        use_default_colors()
        curs_set(0)
        mousemask(CursesAttributes.button1Pressed | CursesAttributes.button1Clicked
                  | CursesAttributes.button4Pressed | CursesAttributes.button5Pressed, nil)
        mouseinterval(0)
        layout = Layout(size: Screen.currentSize())
        input = newwin(1, 1, 0, 0)
        rebuild(for: layout)
    }

    static func currentSize() -> CellSize {
        var ws = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 {
            return CellSize(columns: Int(ws.ws_col), rows: Int(ws.ws_row))
        }
        return CellSize(columns: 80, rows: 24)
    }

    /// True when the locale (set by `init`) encodes text as UTF-8; otherwise marks fall back to ASCII.
    static func localeIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }

    /// Pixel size of one cell from the kernel's window size (0 when the terminal does not say).
    static func cellPixelSize() -> (width: Int, height: Int) {
        var ws = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 else { return (0, 0) }
        return (Int(ws.ws_xpixel) / Int(ws.ws_col), Int(ws.ws_ypixel) / Int(ws.ws_row))
    }

    /// After SIGWINCH: tells curses the new size and re-creates the pane windows.
    func resize() -> CellSize {
        let size = Screen.currentSize()
        resizeterm(Int32(size.rows), Int32(size.columns))
        layout = Layout(size: size)
        rebuild(for: layout)
        clearAll()
        return size
    }

    private func rebuild(for layout: Layout) {
        for window in windows.values { delwin(window) }
        windows = [:]
        for pane in Pane.allCases {
            let rect = self.rect(pane, in: layout)
            guard !rect.isEmpty, let window = newwin(Int32(rect.height), Int32(rect.width), Int32(rect.y), Int32(rect.x)) else { continue }
            // Inserting or deleting characters shifts the rest of the screen line, a picture beside the pane included.
            idcok(window, false)
            windows[pane] = window
        }
        delwin(input)
        let prompt = layout.prompt
        input = newwin(1, 1, Int32(prompt.y), Int32(max(0, prompt.x)))
        keypad(input, true)
        nodelay(input, true)
        closeOverlay()
    }

    func rect(_ pane: Pane, in layout: Layout) -> Rect {
        switch pane {
        case .files: return layout.fileList
        case .preview: return layout.preview
        case .answer: return layout.answer
        case .detections: return layout.detections
        case .prompt: return layout.prompt
        case .status: return layout.status
        }
    }

    /// Makes the next refresh clear the terminal and draw everything again.
    func clearAll() {
        clearok(root, true)
        wnoutrefresh(root)
        for window in windows.values { touchwin(window) }
    }

    /// A window centred on the screen for a dialog or the help screen.
    func openOverlay(width: Int, height: Int) -> UnsafeMutablePointer<WINDOW>? {
        let size = layout.size
        let w = min(width, size.columns), h = min(height, size.rows)
        if let overlay, getmaxx(overlay) == w, getmaxy(overlay) == h { return overlay }
        closeOverlay()
        overlay = newwin(Int32(h), Int32(w), Int32((size.rows - h) / 2), Int32((size.columns - w) / 2))
        if let overlay { idcok(overlay, false) }
        return overlay
    }

    /// Removes the dialog window and marks the panes under it for a full redraw.
    func closeOverlay() {
        guard let overlay else { return }
        delwin(overlay)
        self.overlay = nil
        for window in windows.values { touchwin(window) }
    }

    /// Restores the terminal: leave curses, show the cursor, reset attributes, stop the mouse.
    func end() {
        guard active else { return }
        active = false
        for window in windows.values { delwin(window) }
        windows = [:]
        curs_set(1)
        endwin()
    }
}
