import Imaging

/// Kitty graphics protocol: the image is sent once under an id and scaled by the terminal into the
/// cells; inside tmux it goes through passthrough as a virtual placement shown by Unicode placeholders.
public struct KittyRenderer: ImageRenderer {
    public var kind: GraphicsProtocol { .kitty }
    /// Fixed id, or nil for a fresh random one per render (24 bits, so placeholders can carry it).
    public var imageID: UInt32?
    /// Inside tmux: wrap commands in passthrough and draw placeholders instead of placing directly.
    public var throughTmux: Bool
    /// How the pixels travel.
    public var encoding: Encoding

    /// The payload's form. `zlib` is the default: compressed raw rows are the fastest to make at about a PNG's size.
    public enum Encoding: Sendable {
        /// zlib-compressed RGB (opaque pictures) or RGBA rows (`o=z`, `f=24`/`f=32`), see `KittyPixels`.
        case zlib
        /// A PNG from this encoder (`f=100`).
        case png(@Sendable (Bitmap) throws -> [UInt8])
        /// Uncompressed RGBA (`f=32`): four bytes a pixel, no work at all.
        case raw
    }

    public init(imageID: UInt32? = nil, throughTmux: Bool = false, encoding: Encoding = .zlib) {
        self.imageID = imageID
        self.throughTmux = throughTmux
        self.encoding = encoding
    }

    public func render(_ bitmap: Bitmap, area: CellSize, cellSize: PixelSize) throws -> TerminalOutput {
        guard bitmap.width > 0, bitmap.height > 0 else { throw TerminalGraphicsError.emptyImage }
        guard area.columns > 0, area.rows > 0 else { throw TerminalGraphicsError.emptyArea }
        let id = imageID ?? UInt32.random(in: 1...0xFF_FFFF)
        var cells = RenderLayout.cells(covering: bitmap.size, cellSize: cellSize)
        cells = CellSize(columns: min(cells.columns, area.columns), rows: min(cells.rows, area.rows))
        let payload: KittyGraphics.Payload
        switch encoding {
        case .zlib:
            let (data, format) = try KittyPixels.compress(bitmap)
            payload = .zlib(data, format: format, size: bitmap.size)
        case .png(let encoder):
            payload = .png(try encoder(bitmap), size: bitmap.size)
        case .raw:
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
