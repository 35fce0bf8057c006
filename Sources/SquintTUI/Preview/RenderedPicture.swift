import TerminalGraphics

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

