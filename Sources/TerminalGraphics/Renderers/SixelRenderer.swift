import Imaging

/// DEC sixel through our own encoder. Inside tmux without native sixel it is wrapped in passthrough,
/// and there the whole sequence must stay under tmux's 1 MB input buffer.
public struct SixelRenderer: ImageRenderer {
    public var kind: GraphicsProtocol { .sixel }
    public var encoder: SixelEncoder
    /// Wrap in tmux passthrough (tmux without native sixel).
    public var throughTmux: Bool
    /// Largest sequence to write; nil for no limit. Set to `TmuxPassthrough.maximumPayload` inside tmux.
    public var maximumBytes: Int?

    public init(encoder: SixelEncoder = SixelEncoder(), throughTmux: Bool = false, maximumBytes: Int? = nil) {
        self.encoder = encoder
        self.throughTmux = throughTmux
        self.maximumBytes = maximumBytes
    }

    public func render(_ bitmap: Bitmap, area: CellSize, cellSize: PixelSize) throws -> TerminalOutput {
        guard bitmap.width > 0, bitmap.height > 0 else { throw TerminalGraphicsError.emptyImage }
        guard area.columns > 0, area.rows > 0 else { throw TerminalGraphicsError.emptyArea }
        var image = bitmap
        var encoder = self.encoder
        var bytes = wrapped(encoder.encode(image))
        // Over the limit: fewer colours first (cheap, mostly invisible), then half the pixels.
        while let limit = maximumBytes, bytes.count > limit {
            if encoder.maxColors > 64 {
                encoder.maxColors /= 2
            } else if image.width > 16 && image.height > 16 {
                image = image.halved()
            } else {
                break
            }
            bytes = wrapped(encoder.encode(image))
        }
        var cells = RenderLayout.cells(covering: image.size, cellSize: cellSize)
        cells = CellSize(columns: min(cells.columns, area.columns), rows: min(cells.rows, area.rows))
        return TerminalOutput(protocolUsed: .sixel, bytes: bytes, cells: cells, pixelSize: image.size)
    }

    private func wrapped(_ sixel: [UInt8]) -> [UInt8] {
        throughTmux ? TmuxPassthrough.wrap(sixel) : sixel
    }
}

extension Bitmap {
    /// A 2×2 box-filtered half-size copy: only for squeezing a sixel under tmux's limit.
    func halved() -> Bitmap {
        let newWidth = max(1, width / 2), newHeight = max(1, height / 2)
        var out = [UInt8](repeating: 0, count: newWidth * newHeight * 4)
        for y in 0..<newHeight {
            for x in 0..<newWidth {
                for channel in 0..<4 {
                    let x0 = min(width - 1, 2 * x), x1 = min(width - 1, 2 * x + 1)
                    let y0 = min(height - 1, 2 * y), y1 = min(height - 1, 2 * y + 1)
                    let sum = Int(pixels[(y0 * width + x0) * 4 + channel]) + Int(pixels[(y0 * width + x1) * 4 + channel])
                        + Int(pixels[(y1 * width + x0) * 4 + channel]) + Int(pixels[(y1 * width + x1) * 4 + channel])
                    out[(y * newWidth + x) * 4 + channel] = UInt8((sum + 2) / 4)
                }
            }
        }
        return Bitmap(width: newWidth, height: newHeight, pixels: out)
    }
}
