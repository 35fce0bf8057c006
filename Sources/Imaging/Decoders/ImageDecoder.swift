/// One adapter per image format: header first, then pixels.
///
/// Decoders see raw bytes and stored (un-oriented) sizes; `ImageLoader` owns naming the file, the
/// orientation and the exact final size, so every format is bounded and oriented the same way.
protocol ImageDecoder: Sendable {
    /// Reads the header only: size, orientation, alpha. Allocates nothing proportional to the pixel count.
    func info(_ bytes: UnsafeRawBufferPointer) throws -> ImageInfo

    /// Decodes the stored pixels. When `target` (stored orientation) is smaller than the image, the decoder
    /// may return a reduced size that still covers `target` in both axes; the caller resamples the rest.
    /// Checks `budget` against the header before allocating.
    func decode(_ bytes: UnsafeRawBufferPointer, target: PixelSize?, budget: PixelBudget) throws -> Bitmap

    /// `decode`, except that a file whose data ends early may still give a picture, with `damage` saying what
    /// is made up. Only JPEG does (libjpeg decodes the rows that are there and fills the rest grey); other
    /// formats throw as `decode` does.
    func decodeKeepingDamage(_ bytes: UnsafeRawBufferPointer, target: PixelSize?, budget: PixelBudget) throws -> (Bitmap, damage: DecodeFailure?)
}

extension ImageDecoder {
    func decodeKeepingDamage(_ bytes: UnsafeRawBufferPointer, target: PixelSize?, budget: PixelBudget) throws -> (Bitmap, damage: DecodeFailure?) {
        (try decode(bytes, target: target, budget: budget), nil)
    }
}

extension ImageFormat {
    /// The decoder for this format.
    var decoder: any ImageDecoder {
        switch self {
        case .jpeg: JPEGDecoder()
        case .png: PNGDecoder()
        case .webp: WebPDecoder()
        case .heif: HEIFDecoder()
        case .gif: GIFDecoder()
        case .bmp: BMPDecoder()
        }
    }
}
