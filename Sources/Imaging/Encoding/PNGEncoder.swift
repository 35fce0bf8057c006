import CPNG
import Foundation

/// PNG encoding through libpng's simplified write API, for annotated exports and mask files.
public enum PNGEncoder {
    /// How hard libpng works on the file size.
    public enum Effort: Sendable {
        /// libpng's defaults (adaptive filters, zlib level 6): the smallest files, seconds for a 24 MP photo.
        case small
        /// No filtering, zlib level 3 (`PNG_IMAGE_FLAG_FAST`): several times faster, files roughly a third larger.
        case fast
    }

    /// The effort for an annotated export: above 8 megapixels `.small` takes seconds (5 s for 24 MP, against
    /// 1.3 s for `.fast` with a file about 60% larger), which a person waiting on a command notices more.
    public static func exportEffort(for size: PixelSize) -> Effort {
        size.width * size.height > 8_000_000 ? .fast : .small
    }

    /// Encodes RGBA (straight alpha). Fully opaque bitmaps are written as RGB: a quarter smaller, same pixels.
    public static func encode(_ bitmap: Bitmap, effort: Effort = .small) throws -> Data {
        let opaque = !Bitmap.hasTranslucency(bitmap.pixels)
        if opaque {
            var rgb = [UInt8](repeating: 0, count: bitmap.width * bitmap.height * 3)
            bitmap.pixels.withUnsafeBufferPointer { source in
                rgb.withUnsafeMutableBufferPointer { destination in
                    for index in 0..<(bitmap.width * bitmap.height) {
                        destination[index * 3] = source[index * 4]
                        destination[index * 3 + 1] = source[index * 4 + 1]
                        destination[index * 3 + 2] = source[index * 4 + 2]
                    }
                }
            }
            return try encode(rgb, size: bitmap.size, format: PNGFormat.rgb, effort: effort)
        }
        return try encode(bitmap.pixels, size: bitmap.size, format: PNGFormat.rgba, effort: effort)
    }

    /// Encodes one 8-bit gray channel (masks).
    public static func encode(_ gray: GrayImage, effort: Effort = .small) throws -> Data {
        try encode(gray.pixels, size: gray.size, format: PNGFormat.gray, effort: effort)
    }

    /// Encodes and writes atomically to `url`; errors name the destination file.
    public static func write(_ bitmap: Bitmap, to url: URL, effort: Effort = .small) throws {
        let name = url.lastPathComponent
        let data: Data
        do {
            data = try encode(bitmap, effort: effort)
        } catch let error as ImagingError {
            throw ImagingError(error.code, file: name, reason: error.reason)
        }
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
            throw ImagingError(.unwritable, file: name, reason: "cannot write (\(reason))")
        }
    }

    private static func encode(_ pixels: [UInt8], size: PixelSize, format: UInt32, effort: Effort) throws -> Data {
        guard size.width > 0, size.height > 0 else {
            throw ImagingError(.encodingFailed, file: "image", reason: "cannot encode an empty \(size) PNG")
        }
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(size.width)
        image.height = UInt32(size.height)
        image.format = format
        if effort == .fast { image.flags |= UInt32(PNG_IMAGE_FLAG_FAST) }
        // Into a growing memory stream: libpng's write_to_memory needs the size up front, and asking for it
        // (a call with no buffer) runs the whole compression twice.
        var stream: UnsafeMutablePointer<CChar>?
        var length = 0
        guard let file = open_memstream(&stream, &length) else {
            throw ImagingError(.encodingFailed, file: "image", reason: "PNG encoding failed (no memory stream)")
        }
        let ok = pixels.withUnsafeBytes { raw in
            png_image_write_to_stdio(&image, file, 0, raw.baseAddress, 0, nil)
        }
        fclose(file)
        guard ok != 0, let stream, length > 0 else {
            free(stream)
            throw failure(image)
        }
        // The stream's buffer came from malloc; hand it to Data instead of copying 37 MB.
        return Data(bytesNoCopy: stream, count: length, deallocator: .free)
    }

    private static func failure(_ image: png_image) -> ImagingError {
        let message = withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return ImagingError(.encodingFailed, file: "image", reason: "PNG encoding failed (\(message))")
    }
}
