/// A rectangle in fractions of the upright image (0...1 on both axes, origin top-left).
///
/// Overlays use unit coordinates so one list of detections draws the same on a 1200x800 preview and on
/// the 6000x4000 export. (Gemini's 0–1000 boxes map here by dividing by 1000.)
public struct UnitRect: Sendable, Hashable {
    public var minX: Double, minY: Double, maxX: Double, maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = min(minX, maxX); self.maxX = max(minX, maxX)
        self.minY = min(minY, maxY); self.maxY = max(minY, maxY)
    }

    /// The whole image.
    public static let full = UnitRect(minX: 0, minY: 0, maxX: 1, maxY: 1)

    /// The pixels this rectangle covers on an image of `size`, rounded to the nearest pixel edges.
    /// Coordinates come from model output, so NaN and absurd values are tamed instead of trapping in `Int(_:)`.
    public func pixelRect(in size: PixelSize) -> PixelRect {
        let x0 = pixelEdge(minX, size.width), x1 = pixelEdge(maxX, size.width)
        let y0 = pixelEdge(minY, size.height), y1 = pixelEdge(maxY, size.height)
        return PixelRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}

/// A point in fractions of the upright image (0...1, origin top-left).
public struct UnitPoint: Sendable, Hashable {
    public var x: Double, y: Double

    public init(x: Double, y: Double) {
        self.x = x; self.y = y
    }

    /// The pixel whose area contains this point on an image of `size` (clamped inside the image).
    public func pixel(in size: PixelSize) -> (x: Int, y: Int) {
        (min(max(0, pixelEdge(x, size.width, rounding: .down)), max(0, size.width - 1)),
         min(max(0, pixelEdge(y, size.height, rounding: .down)), max(0, size.height - 1)))
    }
}

/// `fraction * extent` as a pixel coordinate, with NaN as 0 and the fraction limited to -4...5 (far enough
/// outside the image to clip like infinity, small enough that no integer overflows).
private func pixelEdge(_ fraction: Double, _ extent: Int, rounding: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> Int {
    let tamed = fraction.isNaN ? 0 : min(5, max(-4, fraction))
    return Int((tamed * Double(extent)).rounded(rounding))
}
