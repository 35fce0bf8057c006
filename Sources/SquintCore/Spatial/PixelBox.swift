/// An axis-aligned rectangle in (fractional) pixels: x0, y0 top-left, x1, y1 bottom-right (exclusive).
public struct PixelBox: Sendable, Hashable, Codable {
    public var x0: Double, y0: Double, x1: Double, y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
    }

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public var area: Double { max(0, width) * max(0, height) }
    /// `[x0, y0, x1, y1]`, the order every Squint output uses.
    public var corners: [Double] { [x0, y0, x1, y1] }
}
