import Foundation
import Imaging
import TerminalGraphics

/// Pictures through Imaging (decode at preview size, oriented) and TerminalGraphics (the probed renderer).
public struct GraphicsPreviewService: PreviewService {
    let renderer: any ImageRenderer
    let cellSize: PixelSize
    let budget: PixelBudget

    public init(renderer: any ImageRenderer, cellSize: PixelSize, budget: PixelBudget = .default) {
        self.renderer = renderer
        self.cellSize = cellSize
        self.budget = budget
    }

    public var modeName: String { renderer.kind.rawValue }
    public var drawsCells: Bool { !renderer.kind.isPixelProtocol }
    public var cellPixelSize: PixelSize { cellSize }

    public func decode(path: String, fitting: PixelSize) async throws -> DecodedImage {
        try await ImageLoader.load(url: URL(fileURLWithPath: path), maxSize: fitting, budget: budget)
    }

    public func render(_ bitmap: Bitmap, columns: Int, rows: Int) async throws -> RenderedPicture {
        let area = CellSize(columns: columns, rows: rows)
        let target = renderer.targetPixelSize(for: bitmap.size, in: area, cellSize: cellSize)
        let scaled = target == bitmap.size || target.width <= 0 || target.height <= 0 ? bitmap : bitmap.resized(to: target, filter: .catmullRom)
        let output = try renderer.render(scaled, area: area, cellSize: cellSize)
        if let grid = output.grid { return .cells(grid) }
        return .graphics(output)
    }
}
