import Imaging

/// What a renderer produced: bytes to write at the cursor, where they land, and for the text renderers
/// the same picture as a grid of cells so curses can draw it itself.
public struct TerminalOutput: Sendable {
    public var protocolUsed: GraphicsProtocol
    /// Write these with the cursor at the picture's top-left cell (after curses' refresh, between
    /// `ESC 7` and `ESC 8`). For text renderers: SGR-coloured lines, one per row, separated by CR LF.
    public var bytes: [UInt8]
    /// Cells the picture covers from the cursor.
    public var cells: CellSize
    /// Pixel size of the picture for pixel protocols; nil for text renderers.
    public var pixelSize: PixelSize?
    /// Text renderers: the picture as characters and colours, for curses. Nil for pixel protocols.
    public var grid: CellGrid?
    /// Kitty: the image id, so the picture can be deleted or replaced.
    public var imageID: UInt32?
    /// Bytes that take the picture off the screen again (kitty's delete by id); empty when clearing
    /// the cells is enough.
    public var eraseBytes: [UInt8]
    /// Kitty through tmux: the Unicode-placeholder text, one entry per picture row, each to be written at
    /// the picture's left column (by cursor movement, never by newline, which would start at column 0).
    /// Empty for every other protocol; `bytes` then holds everything.
    public var placeholderRows: [[UInt8]]

    public init(
        protocolUsed: GraphicsProtocol, bytes: [UInt8], cells: CellSize, pixelSize: PixelSize? = nil,
        grid: CellGrid? = nil, imageID: UInt32? = nil, eraseBytes: [UInt8] = [], placeholderRows: [[UInt8]] = []
    ) {
        self.protocolUsed = protocolUsed
        self.bytes = bytes
        self.cells = cells
        self.pixelSize = pixelSize
        self.grid = grid
        self.imageID = imageID
        self.eraseBytes = eraseBytes
        self.placeholderRows = placeholderRows
    }

    /// The bytes that draw the picture with its top-left corner at the 0-based cell (`column`, `row`) of the
    /// screen, for full-screen programs: a cursor move, the picture, and one cursor move per placeholder row.
    /// The caller saves and restores the cursor around them.
    public func placed(atColumn column: Int, row: Int) -> [UInt8] {
        var out = Array("\u{1B}[\(row + 1);\(column + 1)H".utf8)
        out += bytes
        for (index, text) in placeholderRows.enumerated() {
            out += Array("\u{1B}[\(row + index + 1);\(column + 1)H".utf8)
            out += text
        }
        return out
    }

    /// The bytes that draw the picture at the cursor, for inline output (`squint view`): placeholder rows
    /// each start at the column the first one started in (cursor back, then index down, which scrolls at the
    /// bottom of the screen like a newline but keeps the column).
    public func inline() -> [UInt8] {
        var out = bytes
        for (index, text) in placeholderRows.enumerated() {
            if index > 0 { out += Array("\u{1B}[\(cells.columns)D\u{1B}D".utf8) }
            out += text
        }
        return out
    }
}
