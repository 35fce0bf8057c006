import CChafa
import Imaging

/// Unicode block and border symbols in colour, chosen by libchafa per cell and read back cell by cell
/// so curses can draw them (chafa's own printing would bypass curses).
///
/// Uses only calls present in libchafa 1.12 (Debian 12): `chafa_canvas_draw_all_pixels` (1.2),
/// `chafa_canvas_get_char_at` / `chafa_canvas_get_colors_at` / `chafa_canvas_get_raw_colors_at` (1.8).
public struct SymbolsRenderer: ImageRenderer {
    public var kind: GraphicsProtocol { .symbols }
    public var colorDepth: ColorDepth

    public init(colorDepth: ColorDepth = .truecolor) {
        self.colorDepth = colorDepth
    }

    /// chafa looks at 8 pixels across a cell; more is wasted, less blurs the symbol choice.
    public func targetPixelSize(for imageSize: PixelSize, in area: CellSize, cellSize: PixelSize) -> PixelSize {
        RenderLayout.textTarget(for: imageSize, in: area, cellSize: cellSize, pixelsAcross: 8)
    }

    public func render(_ bitmap: Bitmap, area: CellSize, cellSize: PixelSize) throws -> TerminalOutput {
        guard bitmap.width > 0, bitmap.height > 0 else { throw TerminalGraphicsError.emptyImage }
        guard area.columns > 0, area.rows > 0 else { throw TerminalGraphicsError.emptyArea }
        let cells = RenderLayout.fit(bitmap.size, in: area, cellSize: cellSize).cells
        let grid = try Self.drawGrid(bitmap, cells: cells, depth: colorDepth)
        return TerminalOutput(protocolUsed: .symbols, bytes: grid.ansiBytes(), cells: cells, grid: grid)
    }

    static func drawGrid(_ bitmap: Bitmap, cells: CellSize, depth: ColorDepth) throws -> CellGrid {
        guard let symbols = chafa_symbol_map_new() else { throw TerminalGraphicsError.symbolsUnavailable }
        defer { chafa_symbol_map_unref(symbols) }
        chafa_symbol_map_add_by_tags(symbols, ChafaSymbolTags(
            rawValue: CHAFA_SYMBOL_TAG_BLOCK.rawValue | CHAFA_SYMBOL_TAG_BORDER.rawValue | CHAFA_SYMBOL_TAG_SPACE.rawValue))
        // Wide and ambiguous-width symbols would break curses' column arithmetic.
        chafa_symbol_map_remove_by_tags(symbols, ChafaSymbolTags(rawValue: CHAFA_SYMBOL_TAG_WIDE.rawValue | CHAFA_SYMBOL_TAG_AMBIGUOUS.rawValue))

        guard let config = chafa_canvas_config_new() else { throw TerminalGraphicsError.symbolsUnavailable }
        defer { chafa_canvas_config_unref(config) }
        chafa_canvas_config_set_geometry(config, Int32(cells.columns), Int32(cells.rows))
        chafa_canvas_config_set_symbol_map(config, symbols)
        chafa_canvas_config_set_canvas_mode(config, canvasMode(depth))
        chafa_canvas_config_set_work_factor(config, 0.5)

        guard let canvas = chafa_canvas_new(config) else { throw TerminalGraphicsError.symbolsUnavailable }
        defer { chafa_canvas_unref(canvas) }
        bitmap.pixels.withUnsafeBufferPointer { pixels in
            chafa_canvas_draw_all_pixels(canvas, CHAFA_PIXEL_RGBA8_UNASSOCIATED, pixels.baseAddress,
                                         Int32(bitmap.width), Int32(bitmap.height), Int32(bitmap.width * 4))
        }
        let indexed = depth == .palette256 || depth == .palette16
        var grid: [CellGrid.Cell] = []
        grid.reserveCapacity(cells.columns * cells.rows)
        for row in 0..<cells.rows {
            for column in 0..<cells.columns {
                let code = chafa_canvas_get_char_at(canvas, Int32(column), Int32(row))
                let character = Unicode.Scalar(code).map { String(Character($0)) } ?? " "
                var foreground: Int32 = 0, background: Int32 = 0
                chafa_canvas_get_colors_at(canvas, Int32(column), Int32(row), &foreground, &background)
                var cell = CellGrid.Cell(
                    character: TerminalSanitizer.isClean(character) ? character : " ",
                    foreground: foreground < 0 ? .white : RGB(packed: UInt32(foreground)),
                    background: background < 0 ? .black : RGB(packed: UInt32(background)))
                if indexed {
                    var rawForeground: Int32 = 0, rawBackground: Int32 = 0
                    chafa_canvas_get_raw_colors_at(canvas, Int32(column), Int32(row), &rawForeground, &rawBackground)
                    cell.foregroundIndex = rawForeground >= 0 && rawForeground < 256 ? Int(rawForeground) : nil
                    cell.backgroundIndex = rawBackground >= 0 && rawBackground < 256 ? Int(rawBackground) : nil
                }
                grid.append(cell)
            }
        }
        return CellGrid(columns: cells.columns, rows: cells.rows, cells: grid, colorDepth: depth)
    }

    private static func canvasMode(_ depth: ColorDepth) -> ChafaCanvasMode {
        switch depth {
        case .truecolor: CHAFA_CANVAS_MODE_TRUECOLOR
        case .palette256: CHAFA_CANVAS_MODE_INDEXED_256
        case .palette16: CHAFA_CANVAS_MODE_INDEXED_16
        case .monochrome: CHAFA_CANVAS_MODE_FGBG
        }
    }
}
