/// An 8-bit single-channel image: what Gemini's masks are, and what the PIL-compatible resampler works on.
public struct GrayPlane: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `width * height` bytes, row-major.
    public var values: [UInt8]

    public init(width: Int, height: Int, values: [UInt8]) {
        precondition(width >= 0 && height >= 0 && values.count == width * height, "plane does not match \(width)x\(height)")
        self.width = width
        self.height = height
        self.values = values
    }

    public subscript(x: Int, y: Int) -> UInt8 { values[y * width + x] }
}
