import CHeif

/// HEIC/HEIF through libheif: the primary image, with the transforms the file declares (irot, imir, clap)
/// applied by libheif, so HEIF needs no EXIF orientation step of its own (the HEIF spec makes those
/// transforms authoritative and tells readers to ignore the EXIF tag).
struct HEIFDecoder: ImageDecoder {
    func info(_ bytes: UnsafeRawBufferPointer) throws -> ImageInfo {
        try Self.withPrimaryImage(bytes) { handle in
            ImageInfo(
                format: .heif, storedSize: Self.size(of: handle), orientation: .up,
                hasAlpha: heif_image_handle_has_alpha_channel(handle) != 0
            )
        }
    }

    func decode(_ bytes: UnsafeRawBufferPointer, target: PixelSize?, budget: PixelBudget) throws -> Bitmap {
        try Self.withPrimaryImage(bytes) { handle in
            try budget.check(Self.size(of: handle))
            let hasAlpha = heif_image_handle_has_alpha_channel(handle) != 0
            guard let options = heif_decoding_options_alloc() else { throw DecodeFailure(.corrupt, "could not start the HEIF decoder") }
            defer { heif_decoding_options_free(options) }
            options.pointee.ignore_transformations = 0
            var image: OpaquePointer?
            try Self.check(heif_decode_image(handle, &image, heif_colorspace_RGB, heif_chroma_interleaved_RGBA, options))
            guard let image else { throw DecodeFailure(.corrupt, "not a valid HEIF (no image decoded)") }
            defer { heif_image_release(image) }
            let width = Int(heif_image_get_width(image, heif_channel_interleaved))
            let height = Int(heif_image_get_height(image, heif_channel_interleaved))
            var rowStride: Int32 = 0
            guard width > 0, height > 0, let plane = heif_image_get_plane_readonly(image, heif_channel_interleaved, &rowStride) else {
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
    private static func size(of handle: OpaquePointer) -> PixelSize {
        PixelSize(width: Int(heif_image_handle_get_width(handle)), height: Int(heif_image_handle_get_height(handle)))
    }

    /// libheif's one-time set-up (decoder plugins), run exactly once — Swift initialises a static `let` under
    /// a lock — instead of lazily inside the first `heif_context_alloc`, which two preview tasks may race for.
    /// Never balanced by `heif_deinit`: the process ends first.
    private static let initialised: Bool = heif_init(nil).code == heif_error_Ok

    private static func withPrimaryImage<T>(_ bytes: UnsafeRawBufferPointer, _ body: (OpaquePointer) throws -> T) throws -> T {
        guard initialised else { throw DecodeFailure(.unsupported, "libheif could not be initialised") }
        guard let context = heif_context_alloc() else { throw DecodeFailure(.corrupt, "could not start the HEIF decoder") }
        defer { heif_context_free(context) }
        // `without_copy`: libheif reads from our buffer, which outlives the context (both live in this call).
        try check(heif_context_read_from_memory_without_copy(context, bytes.baseAddress, bytes.count, nil))
        var handle: OpaquePointer?
        try check(heif_context_get_primary_image_handle(context, &handle))
        guard let handle else { throw DecodeFailure(.corrupt, "not a valid HEIF (no primary image)") }
        defer { heif_image_handle_release(handle) }
        return try body(handle)
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
