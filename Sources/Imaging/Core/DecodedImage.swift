/// A decoded picture with the header facts of its file (format, original size), for callers that show both
/// (a status line "6000x4000 JPEG" under a 1200x800 preview) without reading the file twice.
public struct DecodedImage: Sendable, Equatable {
    public let info: ImageInfo
    /// Upright, fitted as requested.
    public let bitmap: Bitmap

    public init(info: ImageInfo, bitmap: Bitmap) {
        self.info = info
        self.bitmap = bitmap
    }
}
