/// What a file holds, read from its header without decoding any pixels.
public struct ImageInfo: Sendable, Hashable {
    public let format: ImageFormat
    /// The pixel size as stored in the file (before orientation).
    public let storedSize: PixelSize
    /// How the stored pixels must be turned to be upright: EXIF Orientation from JPEG APP1, PNG eXIf or WebP EXIF;
    /// always `.up` for HEIF, whose own transforms libheif applies while decoding.
    public let orientation: Orientation
    /// Whether the file carries an alpha channel.
    public let hasAlpha: Bool

    public init(format: ImageFormat, storedSize: PixelSize, orientation: Orientation, hasAlpha: Bool) {
        self.format = format
        self.storedSize = storedSize
        self.orientation = orientation
        self.hasAlpha = hasAlpha
    }

    /// The size the picture is shown at: `storedSize` with width and height swapped for orientations 5–8.
    public var uprightSize: PixelSize { orientation.uprightSize(of: storedSize) }
}
