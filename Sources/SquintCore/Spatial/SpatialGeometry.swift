import Imaging

/// Converts the model's normalized coordinates (0–1000, relative to the image that was sent) into pixels of
/// the upright original. Because the coordinates are normalized, downscaling before sending changes nothing.
enum SpatialGeometry {
    /// `v / 1000 × size`, computed as `v × size / 1000` so that exact decimal results (204.8) come out exact.
    static func pixels(_ normalized: Double, of size: Int) -> Double {
        normalized * Double(size) / 1000
    }

    /// The pixel box for a `box_2d` of `[ymin, xmin, ymax, xmax]`, with reversed corners swapped and the
    /// result clamped to the image; nil when nothing of positive area is left. Notes go to `repairs`.
    static func box(fromBox2D box2D: [Double], imageSize: PixelSize, repairs: inout [String]) -> PixelBox? {
        var y0 = pixels(box2D[0], of: imageSize.height), x0 = pixels(box2D[1], of: imageSize.width)
        var y1 = pixels(box2D[2], of: imageSize.height), x1 = pixels(box2D[3], of: imageSize.width)
        if x0 > x1 || y0 > y1 {
            repairs.append("reversed corners swapped")
            if x0 > x1 { swap(&x0, &x1) }
            if y0 > y1 { swap(&y0, &y1) }
        }
        let width = Double(imageSize.width), height = Double(imageSize.height)
        let clamped = PixelBox(x0: clamp(x0, width), y0: clamp(y0, height), x1: clamp(x1, width), y1: clamp(y1, height))
        if clamped != PixelBox(x0: x0, y0: y0, x1: x1, y1: y1) { repairs.append("clamped to the image") }
        return clamped.width > 0 && clamped.height > 0 ? clamped : nil
    }

    /// The pixel point for a `[y, x]` pair, clamped to the image.
    static func point(fromYX yx: [Double], imageSize: PixelSize, repairs: inout [String]) -> PixelPoint {
        let y = pixels(yx[0], of: imageSize.height), x = pixels(yx[1], of: imageSize.width)
        let clamped = PixelPoint(x: clamp(x, Double(imageSize.width)), y: clamp(y, Double(imageSize.height)))
        if clamped != PixelPoint(x: x, y: y) { repairs.append("point clamped to the image") }
        return clamped
    }

    /// The integer pixel rectangle a mask fills: truncated corners, as the reference notebooks do (`int(v / 1000 * size)`).
    static func maskRegion(for box: PixelBox) -> (x: Int, y: Int, width: Int, height: Int) {
        let x0 = Int(box.x0.rounded(.down)), y0 = Int(box.y0.rounded(.down))
        let x1 = Int(box.x1.rounded(.down)), y1 = Int(box.y1.rounded(.down))
        return (x0, y0, x1 - x0, y1 - y0)
    }

    private static func clamp(_ value: Double, _ limit: Double) -> Double {
        min(max(value, 0), limit)
    }
}
