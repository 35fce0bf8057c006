import Foundation
import Imaging

extension SpatialParser {
    /// The parser with masks decoded as PNG by Imaging (Gemini's masks are 8-bit grayscale PNGs).
    public static let withPNGMasks = SpatialParser { bytes in
        try ImageLoader.decodeGray(data: Data(bytes), name: "mask")
    }
}
