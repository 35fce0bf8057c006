import TerminalGraphics

/// A picture ready for the screen: either terminal graphics bytes or a grid of coloured cells.
public enum RenderedPicture: Sendable {
    /// A graphics protocol's output (sixel, kitty, iTerm2), placed at the preview's top-left cell with
    /// `TerminalOutput.placed(atColumn:row:)` and taken off again with its `eraseBytes`.
    case graphics(TerminalOutput)
    /// Unicode or ASCII art drawn through curses, so detection outlines can go on top at cell resolution.
    case cells(CellGrid)

    public var columns: Int {
        switch self {
        case .graphics(let output): return output.cells.columns
        case .cells(let grid): return grid.columns
        }
    }

    public var rows: Int {
        switch self {
        case .graphics(let output): return output.cells.rows
        case .cells(let grid): return grid.rows
        }
    }
}
