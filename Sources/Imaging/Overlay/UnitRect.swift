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
    public func pixelRect(in size: PixelSize) -> PixelRect {
        let x0 = Int((minX * Double(size.width)).rounded()), x1 = Int((maxX * Double(size.width)).rounded())
        let y0 = Int((minY * Double(size.height)).rounded()), y1 = Int((maxY * Double(size.height)).rounded())
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
        (min(max(0, Int(x * Double(size.width))), size.width - 1), min(max(0, Int(y * Double(size.height))), size.height - 1))
    }
}
