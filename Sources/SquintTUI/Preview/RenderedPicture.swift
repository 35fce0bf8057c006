/// A picture ready for the screen: either terminal graphics bytes or a grid of coloured cells.
public enum RenderedPicture: Sendable {
    /// Bytes for a graphics protocol (sixel, kitty, iTerm2), placed at the preview's top-left cell.
    /// `kittyImageID` is set when the bytes create a kitty image that must be deleted before the next.
    case graphics(bytes: [UInt8], columns: Int, rows: Int, kittyImageID: UInt32?)
    /// Unicode or ASCII art drawn through curses, so detection outlines can go on top at cell resolution.
    case cells(CellGrid)

    public var columns: Int {
        switch self {
        case .graphics(_, let columns, _, _): return columns
        case .cells(let grid): return grid.columns
        }
    }

    public var rows: Int {
        switch self {
        case .graphics(_, _, let rows, _): return rows
        case .cells(let grid): return grid.rows
        }
    }
}

/// Text-mode art: one grapheme with foreground and background per cell, row-major.
public struct CellGrid: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        public var text: String
        public var foreground: RGB?
        public var background: RGB?
        public init(_ text: String, foreground: RGB? = nil, background: RGB? = nil) {
            self.text = text
            self.foreground = foreground
            self.background = background
        }
    }

    public struct RGB: Sendable, Hashable {
        public var r: UInt8, g: UInt8, b: UInt8
        public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { self.r = r; self.g = g; self.b = b }
    }

    public var columns: Int
    public var rows: Int
    public var cells: [Cell]

    public init(columns: Int, rows: Int, cells: [Cell]) {
        precondition(cells.count == columns * rows, "cell grid does not match \(columns)x\(rows)")
        self.columns = columns
        self.rows = rows
        self.cells = cells
    }

    public subscript(column: Int, row: Int) -> Cell { cells[row * columns + column] }
}
