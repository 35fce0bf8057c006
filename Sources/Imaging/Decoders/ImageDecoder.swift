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
}

extension ImageFormat {
    /// The decoder for this format.
    var decoder: any ImageDecoder {
        switch self {
        case .jpeg: JPEGDecoder()
        case .png: PNGDecoder()
        case .webp: WebPDecoder()
        case .heif: HEIFDecoder()
        }
    }
}
