import Imaging
import SquintCore

/// Maps detections (pixels of the upright original) onto a cell grid, for outlines drawn by curses.
public struct OverlayGeometry: Sendable, Equatable {
    /// The part of the image shown, in unit coordinates (the whole image unless zoomed).
    public var viewport: UnitRect
    public var imageSize: PixelSize
    public var columns: Int
    public var rows: Int

    public init(viewport: UnitRect = .full, imageSize: PixelSize, columns: Int, rows: Int) {
        self.viewport = viewport
        self.imageSize = imageSize
        self.columns = columns
        self.rows = rows
    }

    private func column(_ x: Double) -> Double {
        (x / Double(max(1, imageSize.width)) - viewport.minX) / max(1e-9, viewport.maxX - viewport.minX) * Double(columns)
    }

    private func row(_ y: Double) -> Double {
        (y / Double(max(1, imageSize.height)) - viewport.minY) / max(1e-9, viewport.maxY - viewport.minY) * Double(rows)
    }

    /// The cell rectangle a box covers, clipped to the grid; nil when it lies outside the viewport.
    public func cells(forBox box: PixelBox) -> Rect? {
        guard columns > 0, rows > 0 else { return nil }
        let c0 = column(min(box.x0, box.x1)), c1 = column(max(box.x0, box.x1))
        let r0 = row(min(box.y0, box.y1)), r1 = row(max(box.y0, box.y1))
        guard c0.isFinite, c1.isFinite, r0.isFinite, r1.isFinite, c1 > 0, r1 > 0, c0 < Double(columns), r0 < Double(rows) else { return nil }
        let x0 = Int(max(0, c0).rounded(.down)), x1 = Int(min(Double(columns), c1).rounded(.up)) - 1
        let y0 = Int(max(0, r0).rounded(.down)), y1 = Int(min(Double(rows), r1).rounded(.up)) - 1
        let cx1 = min(columns - 1, max(x1, x0)), cy1 = min(rows - 1, max(y1, y0))
        guard x0 <= cx1, y0 <= cy1 else { return nil }
        return Rect(x: x0, y: y0, width: cx1 - x0 + 1, height: cy1 - y0 + 1)
    }

    /// The cell a point falls in, nil outside the viewport.
    public func cell(forPoint point: PixelPoint) -> (column: Int, row: Int)? {
        let c = column(point.x), r = row(point.y)
        guard c.isFinite, r.isFinite, c >= 0, r >= 0, c < Double(columns), r < Double(rows) else { return nil }
        return (Int(c), Int(r))
    }

    /// The viewport to zoom into a box: the box with a margin, kept inside the image.
    public static func zoomViewport(for box: PixelBox, imageSize: PixelSize, margin: Double = 0.15) -> UnitRect {
        let width = Double(max(1, imageSize.width)), height = Double(max(1, imageSize.height))
        let w = box.width / width, h = box.height / height
        let x0 = max(0, box.x0 / width - w * margin), x1 = min(1, box.x1 / width + w * margin)
        let y0 = max(0, box.y0 / height - h * margin), y1 = min(1, box.y1 / height + h * margin)
        return UnitRect(minX: x0, minY: y0, maxX: max(x1, x0 + 0.001), maxY: max(y1, y0 + 0.001))
    }
}
