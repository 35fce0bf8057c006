import Imaging

/// Kitty graphics protocol: the image is sent once under an id and scaled by the terminal into the
/// cells; inside tmux it goes through passthrough as a virtual placement shown by Unicode placeholders.
public struct KittyRenderer: ImageRenderer {
    public var kind: GraphicsProtocol { .kitty }
    /// Fixed id, or nil for a fresh random one per render (24 bits, so placeholders can carry it).
    public var imageID: UInt32?
    /// Inside tmux: wrap commands in passthrough and draw placeholders instead of placing directly.
    public var throughTmux: Bool
    /// Turns a bitmap into PNG bytes; nil sends raw RGBA, which is larger but needs no encoder.
    public var pngEncoder: (@Sendable (Bitmap) throws -> [UInt8])?

    public init(imageID: UInt32? = nil, throughTmux: Bool = false, pngEncoder: (@Sendable (Bitmap) throws -> [UInt8])? = nil) {
        self.imageID = imageID
        self.throughTmux = throughTmux
        self.pngEncoder = pngEncoder
    }

    public func render(_ bitmap: Bitmap, area: CellSize, cellSize: PixelSize) throws -> TerminalOutput {
        guard bitmap.width > 0, bitmap.height > 0 else { throw TerminalGraphicsError.emptyImage }
        guard area.columns > 0, area.rows > 0 else { throw TerminalGraphicsError.emptyArea }
        let id = imageID ?? UInt32.random(in: 1...0xFF_FFFF)
        var cells = RenderLayout.cells(covering: bitmap.size, cellSize: cellSize)
        cells = CellSize(columns: min(cells.columns, area.columns), rows: min(cells.rows, area.rows))
        let payload: KittyGraphics.Payload
        if let pngEncoder {
            payload = .png(try pngEncoder(bitmap), size: bitmap.size)
        } else {
            payload = .rgba(bitmap)
        }
        var bytes: [UInt8]
        var rows: [[UInt8]] = []
        if throughTmux {
            cells = CellSize(columns: min(cells.columns, KittyGraphics.maximumPlaceholderCells),
                             rows: min(cells.rows, KittyGraphics.maximumPlaceholderCells))
            let sequences = KittyGraphics.transmit(payload, id: id, cells: cells, virtualPlacement: true)
            bytes = TmuxPassthrough.wrapEach(sequences)
            rows = KittyGraphics.placeholderRows(id: id, cells: cells)
        } else {
            bytes = KittyGraphics.transmit(payload, id: id, cells: cells).flatMap { $0 }
        }
        let delete = KittyGraphics.delete(id: id)
        return TerminalOutput(
            protocolUsed: .kitty, bytes: bytes, cells: cells, pixelSize: bitmap.size, imageID: id,
            eraseBytes: throughTmux ? TmuxPassthrough.wrap(delete) : delete, placeholderRows: rows)
    }
}
