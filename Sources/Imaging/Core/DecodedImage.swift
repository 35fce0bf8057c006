/// A decoded picture with the header facts of its file (format, original size), for callers that show both
/// (a status line "6000x4000 JPEG" under a 1200x800 preview) without reading the file twice.
public struct DecodedImage: Sendable, Equatable {
    public let info: ImageInfo
    /// Upright, fitted as requested.
    public let bitmap: Bitmap
    /// Set when the picture is incomplete but shown anyway: a JPEG cut off mid-way decodes the rows that are
    /// there and the rest grey. Its `description` is the one line to show beside the picture
    /// ("cut.jpg: truncated JPEG (the file ends early; the rest of the picture is grey)"); `code` is `.truncated`.
    public let damage: ImagingError?

    public init(info: ImageInfo, bitmap: Bitmap, damage: ImagingError? = nil) {
        self.info = info
        self.bitmap = bitmap
        self.damage = damage
    }
}
