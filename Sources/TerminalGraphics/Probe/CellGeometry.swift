import Imaging

/// Decides the pixel size of one cell from the layers of evidence a terminal may or may not give.
///
/// Many terminals leave `ws_xpixel`/`ws_ypixel` zero (or, over some SSH and mosh paths, report
/// nonsense), so every layer is checked for plausibility before it is believed.
public enum CellGeometry {
    /// Cell sizes outside these bounds come from a broken reply, not a real font.
    static let plausibleWidth = 2...256
    static let plausibleHeight = 4...512

    /// The window size as `TIOCGWINSZ` reports it.
    public struct WindowSize: Sendable, Hashable {
        public var columns: Int, rows: Int, pixelWidth: Int, pixelHeight: Int
        public init(columns: Int, rows: Int, pixelWidth: Int, pixelHeight: Int) {
            self.columns = columns; self.rows = rows; self.pixelWidth = pixelWidth; self.pixelHeight = pixelHeight
        }
    }

    public static func isPlausible(_ cell: PixelSize) -> Bool {
        plausibleWidth.contains(cell.width) && plausibleHeight.contains(cell.height)
    }

    /// The first plausible layer: window pixel fields, then `CSI 16t`, then `14t` over `18t` (or the
    /// window's cell counts), then `fallback`.
    public static func resolveCellSize(
        window: WindowSize?,
        replies: ProbeReplies,
        fallback: PixelSize
    ) -> (size: PixelSize, source: CellSizeSource) {
        if let window, window.columns > 0, window.rows > 0, window.pixelWidth > 0, window.pixelHeight > 0 {
            let cell = PixelSize(width: window.pixelWidth / window.columns, height: window.pixelHeight / window.rows)
            if isPlausible(cell) { return (cell, .windowSize) }
        }
        if let cell = replies.cellPixels, isPlausible(cell) {
            return (cell, .cellReply)
        }
        if let area = replies.textAreaPixels {
            let cells = replies.textAreaCells ?? window.map { CellSize(columns: $0.columns, rows: $0.rows) }
            if let cells, cells.columns > 0, cells.rows > 0 {
                let cell = PixelSize(width: area.width / cells.columns, height: area.height / cells.rows)
                if isPlausible(cell) { return (cell, .textAreaDivision) }
            }
        }
        return (fallback, .fallback)
    }

    /// The terminal size in cells: the window size when known, then `CSI 18t`, then `fallback`.
    public static func resolveTerminalSize(window: WindowSize?, replies: ProbeReplies, fallback: CellSize) -> CellSize {
        if let window, window.columns > 0, window.rows > 0 {
            return CellSize(columns: window.columns, rows: window.rows)
        }
        if let cells = replies.textAreaCells, cells.columns > 0, cells.rows > 0 { return cells }
        return fallback
    }

    /// Parses `--cell-size` text such as `10x20`.
    public static func parseCellSize(_ text: String) throws -> PixelSize {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
              isPlausible(PixelSize(width: width, height: height)) else {
            throw TerminalGraphicsError.badCellSize(text)
        }
        return PixelSize(width: width, height: height)
    }
}
