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

    public func decode(path: String, fitting: PixelSize) async throws -> Bitmap {
        try await ImageLoader.decode(url: URL(fileURLWithPath: path), maxSize: fitting, budget: budget)
    }

    public func composite(_ bitmap: Bitmap, detections: [DetectionItem], options: OverlayOptions) -> Bitmap {
        var overlays: [Overlay] = []
        for (index, item) in detections.enumerated() where item.review != .rejected {
            let color = options.palette.isEmpty ? OverlayPalette.standard.color(at: index) : options.palette[index % options.palette.count]
            let label = options.labels ? item.label : nil
            let rect = item.box.map { UnitRect(minX: Double($0[1]) / 1000, minY: Double($0[0]) / 1000,
                                               maxX: Double($0[3]) / 1000, maxY: Double($0[2]) / 1000) }
            if options.masks, let mask = item.mask, let rect {
                overlays.append(.mask(GrayImage(width: mask.width, height: mask.height, pixels: mask.alpha), in: rect, color: color))
            }
            guard !options.masksOnly else { continue }
            if options.boxes, let rect {
                overlays.append(.box(rect, color: color, label: label))
            } else if let point = item.point {
                overlays.append(.point(UnitPoint(x: Double(point[1]) / 1000, y: Double(point[0]) / 1000), color: color, label: label))
            }
        }
        guard !overlays.isEmpty else { return bitmap }
        var copy = bitmap
        copy.draw(overlays)
        return copy
    }

    public func render(_ bitmap: Bitmap, columns: Int, rows: Int) async throws -> RenderedPicture {
        let area = CellSize(columns: columns, rows: rows)
        let target = renderer.targetPixelSize(for: bitmap.size, in: area, cellSize: cellSize)
        let scaled = target == bitmap.size || target.width <= 0 || target.height <= 0 ? bitmap : bitmap.resized(to: target, filter: .catmullRom)
        let output = try renderer.render(scaled, area: area, cellSize: cellSize)
        if let grid = output.grid { return .cells(grid) }
        return .graphics(bytes: output.bytes, columns: output.cells.columns, rows: output.cells.rows, kittyImageID: output.imageID)
    }
}
