/// Maps Gemini's normalised 0…1000 coordinates onto a cell grid (for outlines drawn by curses).
public struct OverlayGeometry: Sendable, Equatable {
    /// The part of the image shown, in normalised units `[ymin, xmin, ymax, xmax]` (the whole image unless zoomed).
    public var viewport: [Int]
    public var columns: Int
    public var rows: Int

    public init(viewport: [Int] = [0, 0, 1000, 1000], columns: Int, rows: Int) {
        self.viewport = viewport
        self.columns = columns
        self.rows = rows
    }

    /// The cell rectangle a box covers, clipped to the grid; nil when it lies outside the viewport.
    public func cells(forBox box: [Int]) -> Rect? {
        guard box.count == 4, columns > 0, rows > 0 else { return nil }
        let (vy0, vx0, vy1, vx1) = (Double(viewport[0]), Double(viewport[1]), Double(viewport[2]), Double(viewport[3]))
        guard vx1 > vx0, vy1 > vy0 else { return nil }
        func col(_ x: Int) -> Double { (Double(x) - vx0) / (vx1 - vx0) * Double(columns) }
        func row(_ y: Int) -> Double { (Double(y) - vy0) / (vy1 - vy0) * Double(rows) }
        let x0 = Int(col(min(box[1], box[3])).rounded(.down)), x1 = Int(col(max(box[1], box[3])).rounded(.up)) - 1
        let y0 = Int(row(min(box[0], box[2])).rounded(.down)), y1 = Int(row(max(box[0], box[2])).rounded(.up)) - 1
        let cx0 = max(0, x0), cy0 = max(0, y0), cx1 = min(columns - 1, max(x1, x0)), cy1 = min(rows - 1, max(y1, y0))
        guard cx0 <= cx1, cy0 <= cy1 else { return nil }
        return Rect(x: cx0, y: cy0, width: cx1 - cx0 + 1, height: cy1 - cy0 + 1)
    }

    /// The cell a point falls in, nil outside the viewport.
    public func cell(forPoint point: [Int]) -> (column: Int, row: Int)? {
        guard point.count == 2 else { return nil }
        guard let rect = cells(forBox: [point[0], point[1], point[0] + 1, point[1] + 1]) else { return nil }
        return (rect.x, rect.y)
    }

    /// The viewport to zoom into a box: the box with a margin, kept inside the image.
    public static func zoomViewport(for box: [Int], margin: Double = 0.15) -> [Int] {
        guard box.count == 4 else { return [0, 0, 1000, 1000] }
        let h = Double(box[2] - box[0]), w = Double(box[3] - box[1])
        let y0 = max(0, Double(box[0]) - h * margin), y1 = min(1000, Double(box[2]) + h * margin)
        let x0 = max(0, Double(box[1]) - w * margin), x1 = min(1000, Double(box[3]) + w * margin)
        return [Int(y0), Int(x0), max(Int(y0) + 1, Int(y1)), max(Int(x0) + 1, Int(x1))]
    }
}
