import Imaging
import Testing
@testable import TerminalGraphics

@Suite struct TextRendererTests {
    private let cell = PixelSize(width: 10, height: 20)

    /// Left half red, right half blue.
    private func halves(width: Int, height: Int) -> Bitmap {
        var bitmap = Bitmap(width: width, height: height, fill: RGBA(220, 20, 20))
        for y in 0..<height { for x in (width / 2)..<width { bitmap[x, y] = RGBA(20, 20, 220) } }
        return bitmap
    }

    @Test func chafaGridReadsBackCellByCell() throws {
        let renderer = SymbolsRenderer(colorDepth: .truecolor)
        let area = CellSize(columns: 20, rows: 5)
        let target = renderer.targetPixelSize(for: PixelSize(width: 400, height: 200), in: area, cellSize: cell)
        #expect(target == PixelSize(width: 160, height: 80))
        let output = try renderer.render(halves(width: target.width, height: target.height), area: area, cellSize: cell)
        let grid = try #require(output.grid)
        #expect(grid.columns == 20 && grid.rows == 5)
        func dominant(_ c: CellGrid.Cell) -> RGB {
            // A full block shows the foreground, a space the background.
            c.character == " " ? c.background : c.foreground
        }
        let left = dominant(grid[1, 2]), right = dominant(grid[18, 2])
        #expect(left.r > 150 && left.b < 80, "left \(left)")
        #expect(right.b > 150 && right.r < 80, "right \(right)")
        for cell in grid.cells { #expect(cell.character.unicodeScalars.count == 1 && TerminalSanitizer.isClean(cell.character)) }
        #expect(String(decoding: output.bytes, as: UTF8.self).contains("\u{1B}[38;2;"))
    }

    @Test func chafaIndexedModesGivePaletteIndices() throws {
        for depth in [ColorDepth.palette256, .palette16] {
            let output = try SymbolsRenderer(colorDepth: depth).render(halves(width: 80, height: 40), area: CellSize(columns: 10, rows: 5), cellSize: cell)
            let grid = try #require(output.grid)
            let indexed = grid.cells.filter { $0.foregroundIndex != nil || $0.backgroundIndex != nil }
            #expect(!indexed.isEmpty)
            for cell in grid.cells {
                if let index = cell.foregroundIndex { #expect(index < (depth == .palette16 ? 16 : 256)) }
            }
        }
    }

    @Test func asciiRampFollowsBrightness() throws {
        var gradient = Bitmap(width: 100, height: 10)
        for y in 0..<10 { for x in 0..<100 { gradient[x, y] = RGBA(UInt8(x * 255 / 99), UInt8(x * 255 / 99), UInt8(x * 255 / 99)) } }
        let output = try ASCIIRenderer().render(gradient, area: CellSize(columns: 10, rows: 10), cellSize: PixelSize(width: 10, height: 10))
        let grid = try #require(output.grid)
        #expect(grid.columns == 10 && grid.rows == 1)
        let row = (0..<grid.columns).map { grid[$0, 0].character }
        #expect(row.first == " " && row.last == "@")
        let levels = row.map { ASCIIRenderer.ramp.firstIndex(of: Character($0))! }
        #expect(levels == levels.sorted())
        #expect(!String(decoding: output.bytes, as: UTF8.self).contains("\u{1B}"))
        let coloured = try ASCIIRenderer(colorDepth: .truecolor).render(halves(width: 40, height: 20), area: CellSize(columns: 4, rows: 2), cellSize: PixelSize(width: 10, height: 10))
        #expect(coloured.grid?[0, 0].foreground == RGB(220, 20, 20))
        #expect(coloured.grid?[3, 0].foreground == RGB(20, 20, 220))
    }

    @Test func layoutKeepsAspect() {
        let fit = RenderLayout.fit(PixelSize(width: 6000, height: 4000), in: CellSize(columns: 120, rows: 40), cellSize: cell)
        #expect(fit.pixels == PixelSize(width: 1200, height: 800))
        #expect(fit.cells == CellSize(columns: 120, rows: 40))
        let tall = RenderLayout.fit(PixelSize(width: 100, height: 400), in: CellSize(columns: 80, rows: 24), cellSize: cell)
        #expect(tall.pixels == PixelSize(width: 120, height: 480))
        #expect(tall.cells == CellSize(columns: 12, rows: 24))
    }

    @Test func ansiGridColoursFor256And16() {
        #expect(CellGrid.nearest256(RGB(255, 0, 0)) == 196)
        #expect(CellGrid.nearest256(RGB(0, 0, 0)) == 16)
        #expect(CellGrid.nearest16(RGB(250, 250, 250)) == 15)
        let grid = CellGrid(columns: 1, rows: 1, cells: [CellGrid.Cell(character: "x", foreground: RGB(255, 0, 0), background: .black)], colorDepth: .palette256)
        #expect(String(decoding: grid.ansiBytes(), as: UTF8.self) == "\u{1B}[38;5;196m\u{1B}[48;5;16mx\u{1B}[0m")
    }
}
