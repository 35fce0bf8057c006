import Imaging

/// Fills polygons into a `MaskPlane` at image size: Gemini 3 returns segmentation masks as polygons, and the
/// rest of Squint (drawing, review, RLE in JSON and COCO) works on planes.
///
/// A pixel is inside when its centre is, by the even-odd rule over all rings (so a ring inside another cuts a
/// hole), the scan-line convention PIL and OpenCV follow for filled polygons up to their edge pixels.
public enum PolygonRaster {
    /// `rings` in image pixels (`[x0, y0, x1, y1, …]` each, at least three points); nil when nothing is inside.
    public static func mask(rings: [[Double]], imageSize: PixelSize) -> MaskPlane? {
        let rings = rings.filter { $0.count >= 6 && $0.count % 2 == 0 && $0.allSatisfy(\.isFinite) }
        guard !rings.isEmpty, imageSize.width > 0, imageSize.height > 0 else { return nil }
        let xs = rings.flatMap { ring in stride(from: 0, to: ring.count, by: 2).map { ring[$0] } }
        let ys = rings.flatMap { ring in stride(from: 1, to: ring.count, by: 2).map { ring[$0] } }
        let left = max(0, Int((xs.min()! - 0.5).rounded(.up))), right = min(imageSize.width - 1, Int((xs.max()! - 0.5).rounded(.down)))
        let top = max(0, Int((ys.min()! - 0.5).rounded(.up))), bottom = min(imageSize.height - 1, Int((ys.max()! - 0.5).rounded(.down)))
        guard left <= right, top <= bottom else { return nil }
        let width = right - left + 1, height = bottom - top + 1
        var values = [UInt8](repeating: 0, count: width * height)
        var crossings: [Double] = []
        for row in 0..<height {
            let y = Double(top + row) + 0.5
            crossings.removeAll(keepingCapacity: true)
            for ring in rings {
                let count = ring.count / 2
                for i in 0..<count {
                    let j = (i + 1) % count
                    let (x0, y0, x1, y1) = (ring[2 * i], ring[2 * i + 1], ring[2 * j], ring[2 * j + 1])
                    // Half-open in y, so a vertex on the scan line is counted once.
                    guard (y0 <= y && y < y1) || (y1 <= y && y < y0) else { continue }
                    crossings.append(x0 + (y - y0) / (y1 - y0) * (x1 - x0))
                }
            }
            crossings.sort()
            var index = 0
            while index + 1 < crossings.count {
                // Pixels whose centre x + 0.5 lies in [a, b).
                let first = max(left, Int((crossings[index] - 0.5).rounded(.up)))
                let last = min(right, Int((crossings[index + 1] - 0.5).rounded(.up)) - 1)
                if first <= last {
                    for x in first...last { values[row * width + x - left] = 255 }
                }
                index += 2
            }
        }
        guard values.contains(255) else { return nil }
        return MaskPlane(imageWidth: imageSize.width, imageHeight: imageSize.height, originX: left, originY: top,
                         width: width, height: height, values: values)
    }

    /// The polygons' area by the shoelace formula with even-odd rings (holes subtract): what the filled plane's
    /// pixel count approaches.
    public static func area(rings: [[Double]]) -> Double {
        rings.reduce(0) { total, ring in
            let count = ring.count / 2
            var twice = 0.0
            for i in 0..<count {
                let j = (i + 1) % count
                twice += ring[2 * i] * ring[2 * j + 1] - ring[2 * j] * ring[2 * i + 1]
            }
            return total + abs(twice) / 2
        }
    }
}
