import CGif

/// GIF through giflib's record-level API: the first frame only (a still viewer shows an animation's first
/// picture, like Pillow and file managers), interlaced or not, with its transparent colour.
///
/// The record API reads just as far as the first frame, so a long animation costs no more than its first
/// picture. giflib reports errors by return code, never longjmp, so no C shim is needed.
struct GIFDecoder: ImageDecoder {
    func info(_ bytes: UnsafeRawBufferPointer) throws -> ImageInfo {
        try Self.withFirstFrame(bytes) { frame in
            ImageInfo(format: .gif, storedSize: frame.canvas, orientation: .up, hasAlpha: frame.hasAlpha)
        }
    }

    func decode(_ bytes: UnsafeRawBufferPointer, target: PixelSize?, budget: PixelBudget) throws -> Bitmap {
        try Self.withFirstFrame(bytes) { frame in
            try budget.check(frame.canvas)
            return try frame.read()
        }
    }

    /// The first image descriptor, read and positioned at its pixels.
    private struct FirstFrame {
        let file: UnsafeMutablePointer<GifFileType>
        let left: Int, top: Int, width: Int, height: Int
        let interlaced: Bool
        let transparent: Int?
        /// The logical screen, grown to hold the frame when a writer declared it too small.
        let canvas: PixelSize

        /// Pixels outside the frame are transparent (as browsers show them), and so is the transparent index.
        var hasAlpha: Bool {
            transparent != nil || left > 0 || top > 0 || left + width < canvas.width || top + height < canvas.height
        }

        func read() throws(DecodeFailure) -> Bitmap {
            let map = file.pointee.Image.ColorMap ?? file.pointee.SColorMap
            guard let map, let colours = map.pointee.Colors, map.pointee.ColorCount > 0 else {
                throw DecodeFailure(.corrupt, "not a valid GIF (the first frame has no colour table)")
            }
            let count = Int(map.pointee.ColorCount)
            var palette = [RGBA](repeating: RGBA(0, 0, 0), count: 256)
            for index in 0..<min(count, 256) {
                palette[index] = RGBA(colours[index].Red, colours[index].Green, colours[index].Blue)
            }
            if let transparent, transparent < 256 { palette[transparent] = RGBA(0, 0, 0, 0) }
            var bitmap = Bitmap(width: canvas.width, height: canvas.height, fill: RGBA(0, 0, 0, 0))
            var line = [GifPixelType](repeating: 0, count: width)
            for row in Self.rowOrder(height: height, interlaced: interlaced) {
                guard DGifGetLine(file, &line, Int32(width)) == GIF_OK else { throw GIFDecoder.failure(file.pointee.Error) }
                let y = top + row
                bitmap.pixels.withUnsafeMutableBufferPointer { pixels in
                    var at = (y * canvas.width + left) * 4
                    for x in 0..<width {
                        let colour = palette[Int(line[x])]
                        pixels[at] = colour.r; pixels[at + 1] = colour.g; pixels[at + 2] = colour.b; pixels[at + 3] = colour.a
                        at += 4
                    }
                }
            }
            return bitmap
        }

        /// The image rows in the order they are stored: interlaced GIFs store every 8th row from 0, every 8th
        /// from 4, every 4th from 2, then every 2nd from 1.
        static func rowOrder(height: Int, interlaced: Bool) -> [Int] {
            guard interlaced else { return Array(0..<height) }
            return [(0, 8), (4, 8), (2, 4), (1, 2)].flatMap { start, step in Array(Swift.stride(from: start, to: height, by: step)) }
        }
    }

    /// Where giflib's read callback finds the bytes.
    private final class Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0
        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
    }

    private static func withFirstFrame<T>(_ bytes: UnsafeRawBufferPointer, _ body: (FirstFrame) throws -> T) throws -> T {
        let reader = Reader(bytes)
        var error: Int32 = 0
        let opened = withExtendedLifetime(reader) {
            DGifOpen(Unmanaged.passUnretained(reader).toOpaque(), { file, buffer, length in
                guard let file, let buffer, let user = file.pointee.UserData else { return 0 }
                let reader = Unmanaged<Reader>.fromOpaque(user).takeUnretainedValue()
                let count = max(0, min(Int(length), reader.bytes.count - reader.offset))
                if count > 0 { buffer.update(from: reader.bytes.baseAddress!.advanced(by: reader.offset).assumingMemoryBound(to: UInt8.self), count: count) }
                reader.offset += count
                return Int32(count)
            }, &error)
        }
        guard let file = opened else { throw failure(error) }
        defer { var ignored: Int32 = 0; DGifCloseFile(file, &ignored) }
        return try withExtendedLifetime(reader) { try body(try firstFrame(file)) }
    }

    /// Reads records up to the first image descriptor, keeping the graphic control extension before it.
    private static func firstFrame(_ file: UnsafeMutablePointer<GifFileType>) throws -> FirstFrame {
        var transparent: Int?
        while true {
            var record = UNDEFINED_RECORD_TYPE
            guard DGifGetRecordType(file, &record) == GIF_OK else { throw failure(file.pointee.Error) }
            switch record {
            case IMAGE_DESC_RECORD_TYPE:
                guard DGifGetImageDesc(file) == GIF_OK else { throw failure(file.pointee.Error) }
                let image = file.pointee.Image
                let left = Int(image.Left), top = Int(image.Top), width = Int(image.Width), height = Int(image.Height)
                guard width > 0, height > 0 else { throw DecodeFailure(.corrupt, "the header declares an empty \(width)x\(height) frame") }
                let canvas = PixelSize(width: max(Int(file.pointee.SWidth), left + width),
                                       height: max(Int(file.pointee.SHeight), top + height))
                return FirstFrame(file: file, left: left, top: top, width: width, height: height,
                                  interlaced: image.Interlace, transparent: transparent, canvas: canvas)
            case EXTENSION_RECORD_TYPE:
                var code: Int32 = 0
                var block: UnsafeMutablePointer<GifByteType>?
                guard DGifGetExtension(file, &code, &block) == GIF_OK else { throw failure(file.pointee.Error) }
                if code == GRAPHICS_EXT_FUNC_CODE, let block {
                    var control = GraphicsControlBlock()
                    if DGifExtensionToGCB(Int(block[0]), block + 1, &control) == GIF_OK {
                        transparent = control.TransparentColor == NO_TRANSPARENT_COLOR ? nil : Int(control.TransparentColor)
                    }
                }
                while block != nil {
                    guard DGifGetExtensionNext(file, &block) == GIF_OK else { throw failure(file.pointee.Error) }
                }
            case TERMINATE_RECORD_TYPE:
                throw DecodeFailure(.corrupt, "not a valid GIF (it holds no picture)")
            default:
                throw DecodeFailure(.corrupt, "not a valid GIF (an unknown record)")
            }
        }
    }

    private static func failure(_ code: Int32) -> DecodeFailure {
        switch code {
        case D_GIF_ERR_READ_FAILED, D_GIF_ERR_EOF_TOO_SOON, D_GIF_ERR_NO_SCRN_DSCR, D_GIF_ERR_NO_IMAG_DSCR:
            return DecodeFailure(.truncated, "not a complete GIF (the data ends early)")
        case D_GIF_ERR_NOT_ENOUGH_MEM:
            return DecodeFailure(.tooLarge, "out of memory decoding the GIF")
        default:
            let text = GifErrorString(code).map { String(cString: $0) } ?? "giflib error \(code)"
            return DecodeFailure(.corrupt, "not a valid GIF (\(text.prefix(1).lowercased() + text.dropFirst()))")
        }
    }
}
