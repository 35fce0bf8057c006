import Foundation
import Imaging

/// An image ready to send: the bytes and MIME type that go on the wire, and the sizes that tie the model's
/// normalized coordinates back to the upright original.
public struct PreparedImage: Sendable, Equatable {
    public var data: Data
    public var mimeType: String
    /// The upright original's size: what detections are expressed in.
    public var uprightSize: PixelSize
    /// The size of the image actually sent.
    public var sentSize: PixelSize

    public init(data: Data, mimeType: String, uprightSize: PixelSize, sentSize: PixelSize) {
        self.data = data
        self.mimeType = mimeType
        self.uprightSize = uprightSize
        self.sentSize = sentSize
    }

    /// Prepares `data` (a file named `name`): with `maxSide`, oriented upright and downscaled so its longest
    /// side is at most `maxSide`, re-encoded as PNG. Files that are already upright and small enough are
    /// sent as they are (a JPEG stays a compact JPEG); GIF and BMP, which Gemini refuses, always go as PNG.
    /// Images decoded here are held to `budget`.
    public static func prepare(data: Data, name: String, maxSide: Int?, budget: PixelBudget = .default) throws -> PreparedImage {
        let info = try ImageLoader.info(data: data, name: name)
        let upright = info.uprightSize
        guard let maxSide else {
            if !info.format.isAcceptedByGemini {
                let png = try PNGEncoder.encode(ImageLoader.decode(data: data, name: name, info: info, maxSize: nil, budget: budget))
                return PreparedImage(data: png, mimeType: ImageFormat.png.mimeType, uprightSize: upright, sentSize: upright)
            }
            return PreparedImage(data: data, mimeType: info.format.mimeType, uprightSize: upright, sentSize: upright)
        }
        let target = SpatialImagePlan.sentSize(for: upright, maxSide: maxSide)
        if target == upright && info.orientation == .up && info.format != .heif && info.format.isAcceptedByGemini {
            return PreparedImage(data: data, mimeType: info.format.mimeType, uprightSize: upright, sentSize: upright)
        }
        var bitmap = try ImageLoader.decode(data: data, name: name, info: info, maxSize: target, budget: budget)
        if bitmap.size != target { bitmap = bitmap.resized(to: target) }
        let encoded = try PNGEncoder.encode(bitmap)
        return PreparedImage(data: encoded, mimeType: ImageFormat.png.mimeType, uprightSize: upright, sentSize: target)
    }
}
