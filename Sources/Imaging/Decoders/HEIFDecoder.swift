import CHeifLoader

/// HEIC/HEIF through libheif: the primary image, with the transforms the file declares (irot, imir, clap)
/// applied by libheif, so HEIF needs no EXIF orientation step of its own (the HEIF spec makes those
/// transforms authoritative and tells readers to ignore the EXIF tag).
struct HEIFDecoder: ImageDecoder {
    func info(_ bytes: UnsafeRawBufferPointer) throws -> ImageInfo {
        try Self.withPrimaryImage(bytes) { heif, handle in
            ImageInfo(
                format: .heif, storedSize: Self.size(of: handle, heif), orientation: .up,
                hasAlpha: heif.image_handle_has_alpha_channel(handle) != 0
            )
        }
    }

    func decode(_ bytes: UnsafeRawBufferPointer, target: PixelSize?, budget: PixelBudget) throws -> Bitmap {
        try Self.withPrimaryImage(bytes) { heif, handle in
            try budget.check(Self.size(of: handle, heif))
            let hasAlpha = heif.image_handle_has_alpha_channel(handle) != 0
            guard let options = heif.decoding_options_alloc() else { throw DecodeFailure(.corrupt, "could not start the HEIF decoder") }
            defer { heif.decoding_options_free(options) }
            options.pointee.ignore_transformations = 0
            var image: OpaquePointer?
            try Self.check(heif.decode_image(handle, &image, heif_colorspace_RGB, heif_chroma_interleaved_RGBA, options))
            guard let image else { throw DecodeFailure(.corrupt, "not a valid HEIF (no image decoded)") }
            defer { heif.image_release(image) }
            let width = Int(heif.image_get_width(image, heif_channel_interleaved))
            let height = Int(heif.image_get_height(image, heif_channel_interleaved))
            var rowStride: Int32 = 0
            guard width > 0, height > 0, let plane = heif.image_get_plane_readonly(image, heif_channel_interleaved, &rowStride) else {
                throw DecodeFailure(.corrupt, "not a valid HEIF (empty image)")
            }
            return Bitmap(width: width, height: height) { buffer in
                let rowBytes = width * 4
                for y in 0..<height {
                    let destination = buffer.baseAddress! + y * rowBytes
                    destination.update(from: plane + y * Int(rowStride), count: rowBytes)
                    if !hasAlpha {
                        for x in stride(from: 3, to: rowBytes, by: 4) { destination[x] = 255 }
                    }
                }
            }
        }
    }

    /// The displayed size: libheif reports the handle's size after rotation and cropping.
    private static func size(of handle: OpaquePointer, _ heif: squint_heif_api) -> PixelSize {
        PixelSize(width: Int(heif.image_handle_get_width(handle)), height: Int(heif.image_handle_get_height(handle)))
    }

    /// libheif, loaded and initialised on first use (see CHeifLoader); its functions are never nil then.
    private static func library() throws -> squint_heif_api {
        var reason: UnsafePointer<CChar>?
        guard let api = squint_heif_api(&reason) else {
            throw DecodeFailure(.unsupported, "HEIF needs libheif: \(reason.map { String(cString: $0) } ?? "it could not be loaded")")
        }
        return api.pointee
    }

    private static func withPrimaryImage<T>(
        _ bytes: UnsafeRawBufferPointer, _ body: (squint_heif_api, OpaquePointer) throws -> T
    ) throws -> T {
        let heif = try library()
        guard let context = heif.context_alloc() else { throw DecodeFailure(.corrupt, "could not start the HEIF decoder") }
        defer { heif.context_free(context) }
        // `without_copy`: libheif reads from our buffer, which outlives the context (both live in this call).
        try check(heif.context_read_from_memory_without_copy(context, bytes.baseAddress, bytes.count, nil))
        var handle: OpaquePointer?
        try check(heif.context_get_primary_image_handle(context, &handle))
        guard let handle else { throw DecodeFailure(.corrupt, "not a valid HEIF (no primary image)") }
        defer { heif.image_handle_release(handle) }
        return try body(heif, handle)
    }

    private static func check(_ error: heif_error) throws {
        guard error.code != heif_error_Ok else { return }
        let message = error.message.map { String(cString: $0) } ?? "libheif error"
        if error.subcode == heif_suberror_End_of_data {
            throw DecodeFailure(.truncated, "not a complete HEIF (\(message))")
        }
        switch error.code {
        case heif_error_Unsupported_feature, heif_error_Unsupported_filetype:
            throw DecodeFailure(.unsupported, "uses a HEIF feature libheif cannot decode (\(message))")
        case heif_error_Memory_allocation_error:
            throw DecodeFailure(.tooLarge, "too large for libheif (\(message))")
        default:
            throw DecodeFailure(.corrupt, "not a valid HEIF (\(message))")
        }
    }
}
