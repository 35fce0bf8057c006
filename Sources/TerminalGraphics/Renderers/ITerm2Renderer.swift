import Imaging

/// iTerm2's inline images (OSC 1337 File=): a PNG the terminal scales into the given cells.
/// WezTerm and others speak it too.
public struct ITerm2Renderer: ImageRenderer {
    public var kind: GraphicsProtocol { .iterm }
    /// Inside tmux the OSC must go through passthrough.
    public var throughTmux: Bool
    public var pngEncoder: @Sendable (Bitmap) throws -> [UInt8]

    public init(throughTmux: Bool = false, pngEncoder: @escaping @Sendable (Bitmap) throws -> [UInt8]) {
        self.throughTmux = throughTmux
        self.pngEncoder = pngEncoder
    }

    public func render(_ bitmap: Bitmap, area: CellSize, cellSize: PixelSize) throws -> TerminalOutput {
        guard bitmap.width > 0, bitmap.height > 0 else { throw TerminalGraphicsError.emptyImage }
        guard area.columns > 0, area.rows > 0 else { throw TerminalGraphicsError.emptyArea }
        var cells = RenderLayout.cells(covering: bitmap.size, cellSize: cellSize)
        cells = CellSize(columns: min(cells.columns, area.columns), rows: min(cells.rows, area.rows))
        let png = try pngEncoder(bitmap)
        var bytes = Array("\u{1B}]1337;File=inline=1;size=\(png.count);width=\(cells.columns);height=\(cells.rows);preserveAspectRatio=1:".utf8)
        bytes += Base64.encode(png)
        bytes.append(0x07)
        if throughTmux { bytes = TmuxPassthrough.wrap(bytes) }
        return TerminalOutput(protocolUsed: .iterm, bytes: bytes, cells: cells, pixelSize: bitmap.size)
    }
}
