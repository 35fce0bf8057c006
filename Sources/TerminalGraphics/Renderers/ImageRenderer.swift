import Imaging

/// One way of putting a bitmap on the terminal. Every protocol (kitty, sixel, iTerm2, symbols, ASCII)
/// implements this, so the TUI and `squint view` never care which one the probe picked.
public protocol ImageRenderer: Sendable {
    var kind: GraphicsProtocol { get }

    /// The pixel size the caller should scale the image to before `render`, for an image of
    /// `imageSize` fitted into `area` cells of `cellSize` pixels. Pixel protocols want the exact screen
    /// pixels; text renderers want a few pixels per cell.
    func targetPixelSize(for imageSize: PixelSize, in area: CellSize, cellSize: PixelSize) -> PixelSize

    /// Draws `bitmap` (already scaled, see `targetPixelSize`) into at most `area` cells.
    func render(_ bitmap: Bitmap, area: CellSize, cellSize: PixelSize) throws -> TerminalOutput
}

extension ImageRenderer {
    public func targetPixelSize(for imageSize: PixelSize, in area: CellSize, cellSize: PixelSize) -> PixelSize {
        RenderLayout.fit(imageSize, in: area, cellSize: cellSize).pixels
    }
}
