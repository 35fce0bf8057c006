import CJPEGScanlines
import Foundation

/// A JPEG decoded at n/8 scale row by row (libjpeg's scanline API) and resampled to its final size on a
/// second core while the rest is still decoding.
///
/// Decoding a big JPEG is mostly entropy decoding, which is serial: a 24 MP photo takes about 60 ms
/// whatever the scale. Resampling the whole decode afterwards adds its own time and a 13 MB buffer; here the
/// rows pass through a small ring instead, and when the last row is decoded the picture is all but done.
enum JPEGStreamingDecoder {
    /// Rows per hand-over, and the ring's size in rows: an MCU row at 3/8 scale is 6 rows.
    private static let chunkRows = 8
    private static let ringRows = 64

    /// The image at `scaleEighths`/8, resampled to `size` with `filter`; nil when libjpeg cannot give RGBA
    /// rows for it (CMYK and YCCK), so the caller decodes it the usual way. Throws `DecodeFailure` for a
    /// corrupt or cut-off file (the same verdicts as `JPEGDecoder`), `CancellationError` when
    /// `isCancelled` says so between rows.
    static func decode(_ bytes: UnsafeRawBufferPointer, scaleEighths: Int, to size: PixelSize, filter: ResampleFilter,
                       isCancelled: () -> Bool = { false }) throws -> Bitmap? {
        guard let (bitmap, damage) = try decodeKeepingDamage(bytes, scaleEighths: scaleEighths, to: size, filter: filter,
                                                             isCancelled: isCancelled) else { return nil }
        if let damage { throw damage }
        return bitmap
    }

    /// `decode`, except that a cut-off file gives the rows libjpeg decoded (the rest grey) and the damage.
    static func decodeKeepingDamage(_ bytes: UnsafeRawBufferPointer, scaleEighths: Int, to size: PixelSize, filter: ResampleFilter,
                                    isCancelled: () -> Bool = { false }) throws -> (Bitmap, damage: DecodeFailure?)? {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), size.width > 0, size.height > 0 else { return nil }
        var decoder: OpaquePointer?
        var message = [CChar](repeating: 0, count: 256)
        switch squint_jpeg_scanlines_open(base, bytes.count, Int32(scaleEighths), &decoder, &message, message.count) {
        case SQUINT_JPEG_OK: break
        case SQUINT_JPEG_UNSUPPORTED: return nil
        default:
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw JPEGDecoder.fatalFailure(message: text, bytes)
        }
        guard let decoder else { return nil }
        defer { squint_jpeg_scanlines_close(decoder) }
        let source = PixelSize(width: Int(squint_jpeg_scanlines_width(decoder)), height: Int(squint_jpeg_scanlines_height(decoder)))
        guard source.width > 0, source.height > 0 else { return nil }

        var damage: DecodeFailure?
        let bitmap = try Bitmap(width: size.width, height: size.height) { output in
            let pipeline = Pipeline(resampler: RowStreamResampler(from: source, to: size, filter: filter),
                                    ringRows: ringRows, output: output.baseAddress!)
            pipeline.start()
            defer { pipeline.stop() }
            try decodeRows(decoder, source: source, into: pipeline, bytes, isCancelled: isCancelled)
            if squint_jpeg_scanlines_finish(decoder) != 0 {
                throw JPEGDecoder.fatalFailure(message: Self.message(decoder), bytes)
            }
            if squint_jpeg_scanlines_warnings(decoder) > 0 {
                damage = JPEGDecoder.truncation(message: Self.message(decoder), bytes)
            }
            pipeline.stop()
            precondition(pipeline.resampler.isComplete, "the resampler missed rows")
        }
        return (bitmap, damage)
    }

    /// The decoding side: rows into the ring, as fast as the resampler frees it.
    private static func decodeRows(_ decoder: OpaquePointer, source: PixelSize, into pipeline: Pipeline,
                                   _ bytes: UnsafeRawBufferPointer, isCancelled: () -> Bool) throws {
        var rows = [UnsafeMutablePointer<UInt8>?](repeating: nil, count: chunkRows)
        var next = 0
        while next < source.height {
            if isCancelled() { throw CancellationError() }
            let count = min(chunkRows, source.height - next)
            pipeline.waitForRoom(toWrite: next + count)
            for index in 0..<count { rows[index] = pipeline.ringRow(next + index) }
            let read = Int(squint_jpeg_scanlines_read(decoder, &rows, Int32(count)))
            if read < 0 { throw JPEGDecoder.fatalFailure(message: message(decoder), bytes) }
            if read == 0 { throw DecodeFailure(.truncated, "not a complete JPEG (rows missing)") }
            next += read
            pipeline.decoded(next)
        }
    }

    private static func message(_ decoder: OpaquePointer) -> String { String(cString: squint_jpeg_scanlines_message(decoder)) }

    /// The ring of decoded rows between the decoding thread and the resampling worker.
    ///
    /// `decodedRows`, `resampledRows` and `ended` are read and written under `condition` only. The ring rows
    /// in `resampledRows..<decodedRows` belong to the worker, the rest to the decoder; the resampler and the
    /// output belong to the worker until `stop()` returns.
    private final class Pipeline: @unchecked Sendable {
        let resampler: RowStreamResampler
        private let ring: UnsafeMutablePointer<UInt8>
        private let ringRows: Int
        private let rowBytes: Int
        private let output: UnsafeMutablePointer<UInt8>
        private let condition = NSCondition()
        private var decodedRows = 0
        private var resampledRows = 0
        private var ended = false
        private var stopped = false
        private let workerDone = DispatchSemaphore(value: 0)

        init(resampler: RowStreamResampler, ringRows: Int, output: UnsafeMutablePointer<UInt8>) {
            self.resampler = resampler
            self.ringRows = ringRows
            rowBytes = resampler.sourceSize.width * 4
            ring = .allocate(capacity: ringRows * rowBytes)
            self.output = output
        }

        deinit { ring.deallocate() }

        func start() {
            let thread = Thread { [self] in
                work()
                workerDone.signal()
            }
            thread.name = "squint.jpeg-resample"
            thread.start()
        }

        /// Ends the worker (after it has taken every decoded row) and waits for it. Idempotent.
        func stop() {
            guard !stopped else { return }
            stopped = true
            condition.lock()
            ended = true
            condition.broadcast()
            condition.unlock()
            workerDone.wait()
        }

        func ringRow(_ row: Int) -> UnsafeMutablePointer<UInt8> { ring + (row % ringRows) * rowBytes }

        /// Blocks until rows up to `end` can be written without overwriting rows not yet resampled.
        func waitForRoom(toWrite end: Int) {
            condition.lock()
            while end - resampledRows > ringRows { condition.wait() }
            condition.unlock()
        }

        func decoded(_ rows: Int) {
            condition.lock()
            decodedRows = rows
            condition.broadcast()
            condition.unlock()
        }

        private func work() {
            while true {
                condition.lock()
                while resampledRows == decodedRows && !ended { condition.wait() }
                let first = resampledRows, end = decodedRows, finished = ended
                condition.unlock()
                if first == end {
                    if finished { return }
                    continue
                }
                resampler.take(end - first, rows: { UnsafePointer(self.ringRow(first + $0)) }, into: output)
                condition.lock()
                resampledRows = end
                condition.broadcast()
                condition.unlock()
            }
        }
    }
}
