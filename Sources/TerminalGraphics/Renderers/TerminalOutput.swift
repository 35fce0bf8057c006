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

    public init(
        protocolUsed: GraphicsProtocol, bytes: [UInt8], cells: CellSize, pixelSize: PixelSize? = nil,
        grid: CellGrid? = nil, imageID: UInt32? = nil, eraseBytes: [UInt8] = []
    ) {
        self.protocolUsed = protocolUsed
        self.bytes = bytes
        self.cells = cells
        self.pixelSize = pixelSize
        self.grid = grid
        self.imageID = imageID
        self.eraseBytes = eraseBytes
    }
}
