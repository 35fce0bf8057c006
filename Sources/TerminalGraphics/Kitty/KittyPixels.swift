import CZlib
import Imaging

/// A bitmap as kitty's compressed raw pixels (`f=24` or `f=32` with `o=z`): the rows as RGB when every pixel is
/// opaque (a quarter fewer bytes than RGBA) or as RGBA, through zlib at level 1 with run-length matching only.
///
/// Why this and not PNG or zlib's usual matching: on a photograph's raw rows deflate's string search finds almost
/// nothing — 1200×800 of the 24 MP camera JPEG comes to 90% of its size either way — and took three times as long
/// (64 ms against 21 ms of CPU; libpng's fast PNG about the same as the search). On flat pictures (text,
/// screenshots, masks) run-length matching still takes most of the gain (text.png: 62% against 36%). Rows are
/// converted and deflated a band at a time, so no second full-size copy is made. `make bench`, section kitty.
public enum KittyPixels {
    /// zlib's fastest level.
    public static let defaultLevel: Int32 = 1
    /// Run-length matches only (`Z_RLE`); `Z_DEFAULT_STRATEGY` (0) is zlib's usual string matching.
    public static let defaultStrategy: Int32 = Z_RLE

    /// The zlib stream (RFC 1950, as `o=z` wants) and the format key: 24 for RGB, 32 for RGBA.
    ///
    /// One strip of rows per core, each deflated on its own (as pigz does): every strip but the last ends on a
    /// byte boundary (`Z_SYNC_FLUSH`), only the last one is final, and the Adler-32 checksums of the strips are
    /// combined for the trailer, so the parts joined in order are one ordinary zlib stream.
    public static func compress(
        _ bitmap: Bitmap, level: Int32 = defaultLevel, strategy: Int32 = defaultStrategy
    ) throws -> (data: [UInt8], format: Int) {
        let opaque = isOpaque(bitmap)
        let channels = opaque ? 3 : 4
        let strips = RowStrips(rows: bitmap.height, work: bitmap.pixels.count)
        let parts = UnsafeMutableBufferPointer<Part>.allocate(capacity: strips.ranges.count)
        parts.initialize(repeating: Part())
        defer { parts.deinitialize().deallocate() }
        let last = strips.ranges.count - 1
        bitmap.pixels.withUnsafeBufferPointer { pixels in
            strips.forEach { strip, rows in
                parts[strip] = deflateRows(pixels, width: bitmap.width, rows: rows, channels: channels,
                                           level: level, strategy: strategy, final: strip == last)
            }
        }
        // The zlib header: deflate with a 32 KB window (0x78), no dictionary, a check making it a multiple of 31.
        var out: [UInt8] = [0x78, 0x01]
        out.reserveCapacity(parts.reduce(2) { $0 + $1.bytes.count } + 4)
        var checksum = adler32(0, nil, 0)
        for part in parts {
            if let failure = part.failure { throw TerminalGraphicsError.encodingFailed(failure) }
            out += part.bytes
            checksum = adler32_combine(checksum, part.checksum, part.length)
        }
        out += [UInt8(truncatingIfNeeded: checksum >> 24), UInt8(truncatingIfNeeded: checksum >> 16),
                UInt8(truncatingIfNeeded: checksum >> 8), UInt8(truncatingIfNeeded: checksum)]
        return (out, opaque ? 24 : 32)
    }

    /// One strip's raw deflate data, the Adler-32 of its uncompressed bytes and their count.
    private struct Part {
        var bytes: [UInt8] = []
        var checksum: UInt = 0
        var length = 0
        var failure: String?
    }

    /// Deflates `rows` (as RGB when `channels` is 3) without a zlib header or trailer, a band at a time.
    private static func deflateRows(
        _ pixels: UnsafeBufferPointer<UInt8>, width: Int, rows: Range<Int>, channels: Int,
        level: Int32, strategy: Int32, final: Bool
    ) -> Part {
        var part = Part()
        var stream = z_stream()
        // Negative window bits: raw deflate, the header and trailer are written once for all strips.
        guard deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, strategy, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            part.failure = "zlib would not start"
            return part
        }
        defer { deflateEnd(&stream) }
        let rawCount = rows.count * width * channels
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(rawCount))) + 64)
        let rowsPerBand = max(1, 65_536 / max(1, width * channels))
        var band = [UInt8](repeating: 0, count: rowsPerBand * width * channels)
        var checksum = adler32(0, nil, 0)
        var produced = 0
        var row = rows.lowerBound
        out.withUnsafeMutableBufferPointer { output in
            band.withUnsafeMutableBufferPointer { bandBuffer in
                repeat {
                    let count = min(rowsPerBand, rows.upperBound - row)
                    let bytes = fill(bandBuffer, from: pixels, width: width, firstRow: row, rows: count, channels: channels)
                    row += count
                    checksum = adler32(checksum, bandBuffer.baseAddress, UInt32(bytes))
                    stream.next_in = bandBuffer.baseAddress
                    stream.avail_in = UInt32(bytes)
                    stream.next_out = output.baseAddress! + produced
                    stream.avail_out = UInt32(output.count - produced)
                    let flush = row < rows.upperBound ? Z_NO_FLUSH : (final ? Z_FINISH : Z_SYNC_FLUSH)
                    let result = deflate(&stream, flush)
                    produced = output.count - Int(stream.avail_out)
                    let finished = flush == Z_FINISH ? result == Z_STREAM_END : result == Z_OK
                    if !finished || stream.avail_in != 0 {
                        part.failure = "zlib stopped (\(result))"
                        return
                    }
                } while row < rows.upperBound
            }
        }
        out.removeSubrange(produced...)
        part.bytes = out
        part.checksum = checksum
        part.length = rawCount
        return part
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
