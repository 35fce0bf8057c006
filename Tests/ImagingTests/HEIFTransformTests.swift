import CHeif
import Foundation
import Testing
@testable import Imaging

/// HEIF carries rotation and mirroring as irot/imir boxes which libheif applies while decoding; the corpus has
/// no rotated HEIF, so these files are made here with libheif's AV1 encoder (libaom), where available.
@Suite(.enabled(if: heif_have_encoder_for_format(heif_compression_AV1) != 0, "libheif has no AV1 encoder"))
struct HEIFTransformTests {
    /// 64x32: red | green on top, blue | white below — big flat quadrants survive lossy coding.
    static let card: Bitmap = {
        var bitmap = Bitmap(width: 64, height: 32)
        for y in 0..<32 {
            for x in 0..<64 {
                bitmap[x, y] = y < 16 ? (x < 32 ? RGBA(255, 0, 0) : RGBA(0, 255, 0)) : (x < 32 ? RGBA(0, 0, 255) : RGBA(255, 255, 255))
            }
        }
        return bitmap
    }()

    @Test(arguments: [1, 3, 6, 8, 5])
    func transformsAreApplied(value: Int) throws {
        let data = try Self.avif(Self.card, orientation: value)
        #expect(ImageFormat.detect(data) == .heif)
        let orientation = try #require(Orientation(rawValue: value))
        let expected = Self.card.oriented(orientation)
        let info = try ImageLoader.info(data: data, name: "card.avif")
        #expect(info.orientation == .up, "libheif applies the transform itself")
        #expect(info.uprightSize == expected.size)
        let decoded = try ImageLoader.decodeFull(data: data, name: "card.avif")
        #expect(decoded.size == expected.size)
        let difference = Metrics.meanAbsoluteDifference(decoded, expected)
        #expect(difference < 12, "orientation \(value): mean abs difference \(difference)")
    }

    /// Encodes `bitmap` as AVIF with irot/imir boxes equivalent to EXIF `orientation`.
    static func avif(_ bitmap: Bitmap, orientation: Int) throws -> Data {
        let context = try #require(heif_context_alloc())
        defer { heif_context_free(context) }
        var image: OpaquePointer?
        try check(heif_image_create(Int32(bitmap.width), Int32(bitmap.height), heif_colorspace_RGB, heif_chroma_interleaved_RGBA, &image))
        let created = try #require(image)
        defer { heif_image_release(created) }
        try check(heif_image_add_plane(created, heif_channel_interleaved, Int32(bitmap.width), Int32(bitmap.height), 8))
        var stride: Int32 = 0
        let plane = try #require(heif_image_get_plane(created, heif_channel_interleaved, &stride))
        for y in 0..<bitmap.height {
            for x in 0..<(bitmap.width * 4) { plane[y * Int(stride) + x] = bitmap.pixels[y * bitmap.width * 4 + x] }
        }
        var encoder: OpaquePointer?
        try check(heif_context_get_encoder_for_format(context, heif_compression_AV1, &encoder))
        let av1 = try #require(encoder)
        defer { heif_encoder_release(av1) }
        try check(heif_encoder_set_lossy_quality(av1, 95))
        let options = try #require(heif_encoding_options_alloc())
        defer { heif_encoding_options_free(options) }
        options.pointee.image_orientation = heif_orientation(rawValue: UInt32(orientation))
        try check(heif_context_encode_image(context, created, av1, options, nil))
        final class Sink { var data = Data() }
        let sink = Sink()
        var writer = heif_writer(writer_api_version: 1) { _, bytes, count, user in
            let sink = Unmanaged<Sink>.fromOpaque(user!).takeUnretainedValue()
            sink.data.append(bytes!.assumingMemoryBound(to: UInt8.self), count: count)
            return heif_error(code: heif_error_Ok, subcode: heif_suberror_Unspecified, message: nil)
        }
        try check(heif_context_write(context, &writer, Unmanaged.passUnretained(sink).toOpaque()))
        return sink.data
    }

    static func check(_ error: heif_error) throws {
        guard error.code != heif_error_Ok else { return }
        Issue.record("libheif: \(error.message.map { String(cString: $0) } ?? "error")")
        throw CancellationError()
    }
}
