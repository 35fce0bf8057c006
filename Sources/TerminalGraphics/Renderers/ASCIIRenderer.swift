import Imaging

/// Characters by brightness: works on any terminal, in any font, through any multiplexer or log file.
/// The colour variant paints each character in its cell's average colour.
public struct ASCIIRenderer: ImageRenderer {
    public var kind: GraphicsProtocol { .ascii }
    /// Dark to bright.
    public static let ramp: [Character] = Array(" .:-=+*#%@")
    /// `.monochrome` gives plain characters; anything else colours them.
    public var colorDepth: ColorDepth
    /// Brightest characters on a dark background; flip for dark-on-light terminals.
    public var darkBackground: Bool

    public init(colorDepth: ColorDepth = .monochrome, darkBackground: Bool = true) {
        self.colorDepth = colorDepth
        self.darkBackground = darkBackground
    }

    /// A few pixels a cell are enough to average over and cheap to scale to.
    public func targetPixelSize(for imageSize: PixelSize, in area: CellSize, cellSize: PixelSize) -> PixelSize {
        RenderLayout.textTarget(for: imageSize, in: area, cellSize: cellSize, pixelsAcross: 4)
    }

    public func render(_ bitmap: Bitmap, area: CellSize, cellSize: PixelSize) throws -> TerminalOutput {
        guard bitmap.width > 0, bitmap.height > 0 else { throw TerminalGraphicsError.emptyImage }
        guard area.columns > 0, area.rows > 0 else { throw TerminalGraphicsError.emptyArea }
        let cells = RenderLayout.fit(bitmap.size, in: area, cellSize: cellSize).cells
        var grid: [CellGrid.Cell] = []
        grid.reserveCapacity(cells.columns * cells.rows)
        for row in 0..<cells.rows {
            let y0 = row * bitmap.height / cells.rows, y1 = max(y0 + 1, (row + 1) * bitmap.height / cells.rows)
            for column in 0..<cells.columns {
                let x0 = column * bitmap.width / cells.columns, x1 = max(x0 + 1, (column + 1) * bitmap.width / cells.columns)
                let colour = average(bitmap, x0..<min(x1, bitmap.width), y0..<min(y1, bitmap.height))
                var level = colour.luma * Self.ramp.count / 256
                if !darkBackground { level = Self.ramp.count - 1 - level }
                let foreground = colorDepth == .monochrome ? RGB.white : colour
                grid.append(CellGrid.Cell(character: String(Self.ramp[level]), foreground: foreground, background: .black))
            }
        }
        let cellGrid = CellGrid(columns: cells.columns, rows: cells.rows, cells: grid, colorDepth: colorDepth)
        return TerminalOutput(protocolUsed: .ascii, bytes: cellGrid.ansiBytes(), cells: cells, grid: cellGrid)
    }

    /// Mean colour of a block, alpha treated as blending onto black.
    private func average(_ bitmap: Bitmap, _ xs: Range<Int>, _ ys: Range<Int>) -> RGB {
        var r = 0, g = 0, b = 0, count = 0
        for y in ys {
            for x in xs {
                let index = (y * bitmap.width + x) * 4
                let alpha = Int(bitmap.pixels[index + 3])
                r += Int(bitmap.pixels[index]) * alpha / 255
                g += Int(bitmap.pixels[index + 1]) * alpha / 255
                b += Int(bitmap.pixels[index + 2]) * alpha / 255
                count += 1
            }
        }
        count = max(1, count)
        return RGB(UInt8(r / count), UInt8(g / count), UInt8(b / count))
    }
}
