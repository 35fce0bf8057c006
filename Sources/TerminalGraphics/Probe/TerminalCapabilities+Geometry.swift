#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Imaging

extension TerminalCapabilities {
    /// Re-reads the window size after SIGWINCH: one ioctl, no queries, safe while curses runs.
    ///
    /// The cell size is re-derived only when it came from the window's pixel fields; a font size that
    /// came from a reply does not change with the window.
    public mutating func refreshGeometry(fileDescriptor: Int32 = STDOUT_FILENO) {
        guard let window = TerminalProbe.windowSize(of: fileDescriptor) else { return }
        applyWindowSize(window)
    }

    /// The pure half of `refreshGeometry`, for tests.
    public mutating func applyWindowSize(_ window: CellGeometry.WindowSize) {
        terminalSize = CellSize(columns: window.columns, rows: window.rows)
        if cellSizeSource == .windowSize || cellSizeSource == .fallback {
            let (cell, source) = CellGeometry.resolveCellSize(window: window, replies: ProbeReplies(), fallback: cellSize)
            if source == .windowSize {
                cellSize = cell
                cellSizeSource = source
            }
        }
    }
}
