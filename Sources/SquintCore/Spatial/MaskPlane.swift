/// A binary (0 or 255) mask over an image, stored only for the integer box it covers.
///
/// Gemini's masks live inside their box, so keeping the box-sized plane with its origin avoids
/// allocating a full image plane per detection; `fullPlane()` expands it when a caller needs one.
public struct MaskPlane: Sendable, Equatable {
    /// Size of the whole image the mask belongs to.
    public let imageWidth: Int
    public let imageHeight: Int
    /// Top-left of the stored region, in image pixels.
    public let originX: Int
    public let originY: Int
    /// Size of the stored region.
    public let width: Int
    public let height: Int
    /// `width * height` bytes, row-major, each 0 or 255.
    public let values: [UInt8]

    public init(imageWidth: Int, imageHeight: Int, originX: Int, originY: Int, width: Int, height: Int, values: [UInt8]) {
        precondition(values.count == width * height, "mask plane does not match \(width)x\(height)")
        precondition(originX >= 0 && originY >= 0 && originX + width <= imageWidth && originY + height <= imageHeight,
                     "mask region lies outside the image")
        self.imageWidth = imageWidth
        self.imageHeight = imageHeight
        self.originX = originX
        self.originY = originY
        self.width = width
        self.height = height
        self.values = values
    }

    /// The mask value at an image pixel (0 outside the stored region).
    public subscript(x: Int, y: Int) -> UInt8 {
        let localX = x - originX, localY = y - originY
        guard localX >= 0, localY >= 0, localX < width, localY < height else { return 0 }
        return values[localY * width + localX]
    }

    /// The number of set (255) pixels.
    public var area: Int { values.reduce(0) { $0 + ($1 > 127 ? 1 : 0) } }

    /// The mask as a full image-sized 8-bit plane (0 or 255), row-major.
    public func fullPlane() -> [UInt8] {
        var plane = [UInt8](repeating: 0, count: imageWidth * imageHeight)
        for row in 0..<height {
            let source = row * width
            let target = (originY + row) * imageWidth + originX
            for column in 0..<width { plane[target + column] = values[source + column] }
        }
        return plane
    }
}
