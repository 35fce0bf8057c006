import CPNG
import Foundation

/// PNG encoding through libpng's simplified write API, for annotated exports and mask files.
public enum PNGEncoder {
    /// Encodes RGBA (straight alpha). Fully opaque bitmaps are written as RGB: a quarter smaller, same pixels.
    public static func encode(_ bitmap: Bitmap) throws -> Data {
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
            return try encode(rgb, size: bitmap.size, format: PNGFormat.rgb)
        }
        return try encode(bitmap.pixels, size: bitmap.size, format: PNGFormat.rgba)
    }

    /// Encodes one 8-bit gray channel (masks).
    public static func encode(_ gray: GrayImage) throws -> Data {
        try encode(gray.pixels, size: gray.size, format: PNGFormat.gray)
    }

    /// Encodes and writes atomically to `url`.
    public static func write(_ bitmap: Bitmap, to url: URL) throws {
        let data = try encode(bitmap)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw ImagingError(.unreadable, file: url.lastPathComponent, reason: "cannot write (\((error as NSError).localizedDescription))")
        }
    }

    private static func encode(_ pixels: [UInt8], size: PixelSize, format: UInt32) throws -> Data {
        guard size.width > 0, size.height > 0 else {
            throw ImagingError(.corrupt, file: "image", reason: "cannot encode an empty \(size) PNG")
        }
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(size.width)
        image.height = UInt32(size.height)
        image.format = format
        return try pixels.withUnsafeBytes { raw in
            var length = 0
            // First call with no buffer: libpng reports the exact size needed.
            guard png_image_write_to_memory(&image, nil, &length, 0, raw.baseAddress, 0, nil) != 0, length > 0 else {
                throw failure(image)
            }
            var data = Data(count: length)
            let ok = data.withUnsafeMutableBytes { out in
                png_image_write_to_memory(&image, out.baseAddress, &length, 0, raw.baseAddress, 0, nil)
            }
            guard ok != 0 else { throw failure(image) }
            data.count = length
            return data
        }
    }

    private static func failure(_ image: png_image) -> ImagingError {
        let message = withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return ImagingError(.corrupt, file: "image", reason: "PNG encoding failed (\(message))")
    }
}
