import CTurboJPEG
import Foundation

/// JPEG encoding through libturbojpeg, for sending photos to Gemini at a fraction of a PNG's size
/// (a downscaled 1200x800 photo: ~150 KB as JPEG q85 vs ~1.5 MB as PNG).
public enum JPEGEncoder {
    /// Encodes the RGB of `bitmap` (alpha is ignored: flatten first with `flattened(over:)` if it matters)
    /// with 4:2:0 chroma subsampling at `quality` 1...100.
    public static func encode(_ bitmap: Bitmap, quality: Int = 85) throws -> Data {
        guard bitmap.width > 0, bitmap.height > 0 else {
            throw ImagingError(.encodingFailed, file: "image", reason: "cannot encode an empty \(bitmap.size) JPEG")
        }
        guard let handle = tjInitCompress() else {
            throw ImagingError(.encodingFailed, file: "image", reason: "JPEG encoding failed (could not start libturbojpeg)")
        }
        defer { tjDestroy(handle) }
        var output: UnsafeMutablePointer<UInt8>?
        var length: UInt = 0
        let status = bitmap.pixels.withUnsafeBufferPointer { pixels in
            tjCompress2(
                handle, pixels.baseAddress, Int32(bitmap.width), 0, Int32(bitmap.height), Int32(TJPF_RGBA.rawValue),
                &output, &length, Int32(TJSAMP_420.rawValue), Int32(min(100, max(1, quality))), 0
            )
        }
        guard status == 0, let output, length > 0 else {
            if let output { tjFree(output) }
            let message = tjGetErrorStr2(handle).map { String(cString: $0) } ?? "unknown error"
            throw ImagingError(.encodingFailed, file: "image", reason: "JPEG encoding failed (\(message))")
        }
        return Data(bytesNoCopy: output, count: Int(length), deallocator: .custom { pointer, _ in tjFree(pointer.assumingMemoryBound(to: UInt8.self)) })
    }
}
