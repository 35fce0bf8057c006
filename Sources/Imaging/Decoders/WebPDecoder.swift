import CWebP

/// WebP (lossy, lossless, alpha) through libwebp's advanced decoding API.
///
/// `use_scaling` makes libwebp resample while decoding, straight into our buffer, so a 4096² WebP shown at
/// 800x800 never exists at full size in memory.
struct WebPDecoder: ImageDecoder {
    func info(_ bytes: UnsafeRawBufferPointer) throws -> ImageInfo {
        let features = try Self.features(bytes)
        return ImageInfo(
            format: .webp, storedSize: PixelSize(width: Int(features.width), height: Int(features.height)),
            orientation: ContainerMetadata.webpOrientation(bytes) ?? .up, hasAlpha: features.has_alpha != 0
        )
    }

    func decode(_ bytes: UnsafeRawBufferPointer, target: PixelSize?, budget: PixelBudget) throws -> Bitmap {
        var config = WebPDecoderConfig()
        guard WebPInitDecoderConfig(&config) != 0 else { throw DecodeFailure(.corrupt, "could not start the WebP decoder") }
        config.input = try Self.features(bytes)
        let full = PixelSize(width: Int(config.input.width), height: Int(config.input.height))
        try budget.check(full)
        if config.input.has_animation != 0 {
            throw DecodeFailure(.unsupported, "animated WebP is not supported")
        }
        var size = full
        if let target, target.width < full.width || target.height < full.height {
            // libwebp scales to exactly the size asked; ask for the caller's target so no second pass is needed.
            size = PixelSize(width: min(target.width, full.width), height: min(target.height, full.height))
            config.options.use_scaling = 1
            config.options.scaled_width = Int32(size.width)
            config.options.scaled_height = Int32(size.height)
            // Chroma is upsampled before the scaler; at 2x reduction or more, fancy upsampling's smoother chroma
            // edges average away, and skipping it saves a sizeable part of the decode.
            if full.width >= 2 * size.width && full.height >= 2 * size.height { config.options.no_fancy_upsampling = 1 }
        }
        // Lets libwebp run the in-loop filter of one row of macroblocks beside the decoding of the next.
        config.options.use_threads = 1
        config.output.colorspace = MODE_RGBA
        config.output.is_external_memory = 1
        var status = VP8_STATUS_OK
        let bitmap = Bitmap(width: size.width, height: size.height) { buffer in
            config.output.u.RGBA.rgba = buffer.baseAddress
            config.output.u.RGBA.stride = Int32(size.width * 4)
            config.output.u.RGBA.size = buffer.count
            status = WebPDecode(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, &config)
            if status != VP8_STATUS_OK { buffer.initialize(repeating: 0) }
        }
        WebPFreeDecBuffer(&config.output)
        guard status == VP8_STATUS_OK else { throw Self.failure(status) }
        return bitmap
    }

    private static func features(_ bytes: UnsafeRawBufferPointer) throws -> WebPBitstreamFeatures {
        var features = WebPBitstreamFeatures()
        let status = WebPGetFeatures(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, &features)
        guard status == VP8_STATUS_OK else { throw failure(status) }
        return features
    }

    private static func failure(_ status: VP8StatusCode) -> DecodeFailure {
        switch status {
        case VP8_STATUS_NOT_ENOUGH_DATA: DecodeFailure(.truncated, "not a complete WebP (the data ends early)")
        case VP8_STATUS_UNSUPPORTED_FEATURE: DecodeFailure(.unsupported, "uses a WebP feature libwebp cannot decode")
        case VP8_STATUS_OUT_OF_MEMORY: DecodeFailure(.tooLarge, "out of memory decoding the WebP")
        default: DecodeFailure(.corrupt, "not a valid WebP (bitstream error)")
        }
    }
}
