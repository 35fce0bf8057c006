/// A picture made of text cells: what the symbols and ASCII renderers hand to curses.
public struct CellGrid: Sendable, Equatable {
    /// One character cell.
    public struct Cell: Sendable, Equatable {
        /// One grapheme, one column wide.
        public var character: String
        public var foreground: RGB
        public var background: RGB
        /// Palette indices when the grid was made for a 256- or 16-colour terminal; nil in truecolor.
        public var foregroundIndex: Int?
        public var backgroundIndex: Int?

        public init(character: String, foreground: RGB, background: RGB, foregroundIndex: Int? = nil, backgroundIndex: Int? = nil) {
            self.character = character
            self.foreground = foreground
            self.background = background
            self.foregroundIndex = foregroundIndex
            self.backgroundIndex = backgroundIndex
        }
    }

    public let columns: Int
    public let rows: Int
    /// Row-major, `columns * rows` cells.
    public var cells: [Cell]
    /// The colour depth the grid was made for; decides how `ansiBytes` writes colours.
    public var colorDepth: ColorDepth

    public init(columns: Int, rows: Int, cells: [Cell], colorDepth: ColorDepth) {
        precondition(cells.count == columns * rows, "cell grid does not match \(columns)x\(rows)")
        self.columns = columns
        self.rows = rows
        self.cells = cells
        self.colorDepth = colorDepth
    }

    public subscript(column: Int, row: Int) -> Cell {
        get { cells[row * columns + column] }
        set { cells[row * columns + column] = newValue }
    }
}
