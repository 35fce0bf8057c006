import CZlib
import Imaging

/// A bitmap as kitty's compressed raw pixels (`f=24` or `f=32` with `o=z`): the rows as RGB when every pixel is
/// opaque (a quarter fewer bytes than RGBA) or as RGBA, through zlib at its fastest level.
///
/// Why not PNG: kitty inflates either, but a PNG encoder also filters every row and checksums the result for a
/// picture that lives for a second; zlib alone on the raw rows measured faster at a similar size (`make bench`,
/// section kitty). Rows are converted and deflated a band at a time, so no second full-size copy is made.
public enum KittyPixels {
    /// zlib's fastest level: the bytes go a few centimetres over a pty, so time matters more than size.
    public static let defaultLevel: Int32 = 1

    /// The zlib stream (RFC 1950, as `o=z` wants) and the format key: 24 for RGB, 32 for RGBA.
    public static func compress(_ bitmap: Bitmap, level: Int32 = defaultLevel) throws -> (data: [UInt8], format: Int) {
        let opaque = isOpaque(bitmap)
        let channels = opaque ? 3 : 4
        var stream = z_stream()
        guard deflateInit_(&stream, level, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw TerminalGraphicsError.encodingFailed("zlib would not start")
        }
        defer { deflateEnd(&stream) }
        let rawCount = bitmap.width * bitmap.height * channels
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(rawCount))) + 64)
        let rowsPerBand = max(1, 65_536 / max(1, bitmap.width * channels))
        var band = [UInt8](repeating: 0, count: rowsPerBand * bitmap.width * channels)
        var produced = 0
        var row = 0
        let status: Int32 = try bitmap.pixels.withUnsafeBufferPointer { pixels in
            try out.withUnsafeMutableBufferPointer { output in
                try band.withUnsafeMutableBufferPointer { bandBuffer in
                    var result = Z_OK
                    repeat {
                        let rows = min(rowsPerBand, bitmap.height - row)
                        let count = fill(bandBuffer, from: pixels, width: bitmap.width, firstRow: row, rows: rows, channels: channels)
                        row += rows
                        stream.next_in = bandBuffer.baseAddress
                        stream.avail_in = UInt32(count)
                        stream.next_out = output.baseAddress! + produced
                        stream.avail_out = UInt32(output.count - produced)
                        let flush = row >= bitmap.height ? Z_FINISH : Z_NO_FLUSH
                        result = deflate(&stream, flush)
                        produced = output.count - Int(stream.avail_out)
                        guard result == Z_OK || result == Z_STREAM_END, stream.avail_in == 0 else {
                            throw TerminalGraphicsError.encodingFailed("zlib stopped (\(result))")
                        }
                    } while row < bitmap.height
                    return result
                }
            }
        }
        guard status == Z_STREAM_END else { throw TerminalGraphicsError.encodingFailed("zlib did not finish (\(status))") }
        out.removeSubrange(produced...)
        return (out, opaque ? 24 : 32)
    }

    /// True when no pixel is even slightly transparent.
    static func isOpaque(_ bitmap: Bitmap) -> Bool {
        bitmap.pixels.withUnsafeBufferPointer { pixels in
            var index = 3
            var all: UInt8 = 0xFF
            while index < pixels.count {
                all &= pixels[index]
                index += 4
            }
            return all == 0xFF
        }
    }

    /// Copies `rows` rows from `firstRow` into `band`, dropping alpha when `channels` is 3; returns the byte count.
    private static func fill(
        _ band: UnsafeMutableBufferPointer<UInt8>, from pixels: UnsafeBufferPointer<UInt8>,
        width: Int, firstRow: Int, rows: Int, channels: Int
    ) -> Int {
        let start = firstRow * width * 4
        let pixelCount = rows * width
        if channels == 4 {
            band.baseAddress!.update(from: pixels.baseAddress! + start, count: pixelCount * 4)
            return pixelCount * 4
        }
        var source = start, target = 0
        for _ in 0..<pixelCount {
            band[target] = pixels[source]
            band[target + 1] = pixels[source + 1]
            band[target + 2] = pixels[source + 2]
            source += 4
            target += 3
        }
        return pixelCount * 3
    }
}
