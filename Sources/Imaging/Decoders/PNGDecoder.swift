import CPNG

/// PNG through libpng's simplified `png_image` API.
///
/// The simplified API runs libpng's setjmp/longjmp error handling inside C (`png_safe_execute`), so a
/// damaged file comes back as a return code and a message instead of a longjmp across Swift frames, and
/// it already expands every variant Squint must show (1/2/4/8/16-bit, gray, gray+alpha, palette, tRNS,
/// Adam7 interlace) to the 8-bit RGBA we ask for.
struct PNGDecoder: ImageDecoder {
    func info(_ bytes: UnsafeRawBufferPointer) throws -> ImageInfo {
        try Self.withImage(bytes) { image in
            ImageInfo(
                format: .png, storedSize: PixelSize(width: Int(image.width), height: Int(image.height)),
                orientation: ContainerMetadata.pngOrientation(bytes) ?? .up,
                hasAlpha: image.format & UInt32(PNG_FORMAT_FLAG_ALPHA) != 0
            )
        }
    }

    func decode(_ bytes: UnsafeRawBufferPointer, target: PixelSize?, budget: PixelBudget) throws -> Bitmap {
        try Self.withImage(bytes) { image in
            let size = PixelSize(width: Int(image.width), height: Int(image.height))
            try budget.check(size)
            image.format = PNGFormat.rgba
            return try Bitmap(width: size.width, height: size.height) { buffer in
                try Self.finish(&image, into: UnsafeMutableRawBufferPointer(buffer))
            }
        }
    }

    /// Decodes to one 8-bit gray channel (segmentation masks), keeping 1 byte per pixel.
    func decodeGray(_ bytes: UnsafeRawBufferPointer, budget: PixelBudget) throws -> GrayImage {
        try Self.withImage(bytes) { image in
            let size = PixelSize(width: Int(image.width), height: Int(image.height))
            try budget.check(size)
            image.format = PNGFormat.gray
            let pixels = try [UInt8](unsafeUninitializedCapacity: size.pixelCount) { buffer, initialised in
                try Self.finish(&image, into: UnsafeMutableRawBufferPointer(buffer))
                initialised = size.pixelCount
            }
            return GrayImage(width: size.width, height: size.height, pixels: pixels)
        }
    }

    /// Reads the header (IHDR and the chunks before IDAT) into a `png_image`, runs `body`, frees libpng's state.
    private static func withImage<T>(_ bytes: UnsafeRawBufferPointer, _ body: (inout png_image) throws -> T) throws -> T {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        guard png_image_begin_read_from_memory(&image, bytes.baseAddress, bytes.count) != 0 else {
            throw failure(image, stage: "header")
        }
        // 16-bit files without gAMA are sRGB in practice; without this flag libpng treats them as linear
        // light and the 8-bit result comes out far too bright.
        image.flags |= UInt32(PNG_IMAGE_FLAG_16BIT_sRGB)
        return try body(&image)
    }

    private static func finish(_ image: inout png_image, into buffer: UnsafeMutableRawBufferPointer) throws {
        guard png_image_finish_read(&image, nil, buffer.baseAddress, 0, nil) != 0 else {
            throw failure(image, stage: "pixels")
        }
    }

    private static func failure(_ image: png_image, stage: String) -> DecodeFailure {
        let message = withUnsafeBytes(of: image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        let lowered = message.lowercased()
        if lowered.contains("read error") || lowered.contains("end of") || lowered.contains("truncated") || lowered.contains("not enough") {
            return DecodeFailure(.truncated, "not a complete PNG (the data ends in the \(stage))")
        }
        return DecodeFailure(.corrupt, "not a valid PNG (\(message.isEmpty ? "libpng error" : message))")
    }
}
