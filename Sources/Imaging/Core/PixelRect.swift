/// An axis-aligned rectangle in pixels: `x..<x+width`, `y..<y+height`.
public struct PixelRect: Sendable, Hashable, CustomStringConvertible {
    public var x: Int, y: Int, width: Int, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The part of this rectangle inside `0..<size.width`, `0..<size.height` (possibly empty).
    public func clipped(to size: PixelSize) -> PixelRect {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(size.width, maxX), y1 = min(size.height, maxY)
        return PixelRect(x: x0, y: y0, width: max(0, x1 - x0), height: max(0, y1 - y0))
    }

    public var description: String { "\(width)x\(height)+\(x)+\(y)" }
}
