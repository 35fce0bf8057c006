import CTurboJPEG

/// JPEG through libturbojpeg's TurboJPEG 2 API (`tjDecompress2`; the tj3 API arrived in 3.0 and Debian 12 ships 2.1).
///
/// Scaled decoding is where the speed comes from: libjpeg-turbo can run the IDCT at n/8 of full size, so a
/// 24 MP photo shown at 1200x800 is decoded at 1500x1000 for a fraction of the cost and memory.
struct JPEGDecoder: ImageDecoder {
    private struct Header {
        var size: PixelSize
        var colorspace: Int32
    }

    func info(_ bytes: UnsafeRawBufferPointer) throws -> ImageInfo {
        let header = try Self.withHandle { try Self.readHeader($0, bytes) }
        let metadata = JPEGMetadata(scanning: bytes)
        return ImageInfo(format: .jpeg, storedSize: header.size, orientation: metadata.orientation, hasAlpha: false)
    }

    func decode(_ bytes: UnsafeRawBufferPointer, target: PixelSize?, budget: PixelBudget) throws -> Bitmap {
        let (bitmap, damage) = try decodeKeepingDamage(bytes, target: target, budget: budget)
        if let damage { throw damage }
        return bitmap
    }

    func decodeKeepingDamage(_ bytes: UnsafeRawBufferPointer, target: PixelSize?, budget: PixelBudget) throws -> (Bitmap, damage: DecodeFailure?) {
        try Self.withHandle { handle in
            let header = try Self.readHeader(handle, bytes)
            try budget.check(header.size)
            let scaled = target.map { Self.scaledSize(of: header.size, covering: $0) } ?? header.size
            let isCMYK = header.colorspace == Int32(TJCS_CMYK.rawValue) || header.colorspace == Int32(TJCS_YCCK.rawValue)
            // libjpeg cannot convert CMYK to RGB itself: take CMYK (YCCK is turned into CMYK by libjpeg) and convert here.
            let pixelFormat = isCMYK ? TJPF_CMYK : TJPF_RGBA
            var failure: DecodeFailure?, damage: DecodeFailure?
            var bitmap = Bitmap(width: scaled.width, height: scaled.height) { buffer in
                let status = tjDecompress2(
                    handle, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt(bytes.count),
                    buffer.baseAddress, Int32(scaled.width), 0, Int32(scaled.height),
                    Int32(pixelFormat.rawValue), TJFLAG_LIMITSCANS
                )
                if status != 0 {
                    let message = Self.lastMessage(handle)
                    if tjGetErrorCode(handle) == Int32(TJERR_FATAL.rawValue) {
                        failure = Self.fatalFailure(message: message, bytes)
                        // A fatal error can leave rows unwritten: the buffer must still be initialised.
                        buffer.initialize(repeating: 0)
                    } else {
                        damage = Self.truncation(message: message, bytes)
                    }
                }
            }
            if let failure { throw failure }
            if isCMYK { Self.convertCMYK(&bitmap, inverted: JPEGMetadata(scanning: bytes).hasAdobeMarker) }
            return (bitmap, damage)
        }
    }

    /// The smallest libjpeg scaling factor n/8 (n in 1...8, never above full size) whose output still covers
    /// `target`; 8 when none does.
    static func scaleEighths(of size: PixelSize, covering target: PixelSize) -> Int {
        (1...8).first { scaledSize(of: size, eighths: $0).covers(target) } ?? 8
    }

    /// The size libjpeg decodes `size` to at `eighths`/8: each side rounded up.
    static func scaledSize(of size: PixelSize, eighths: Int) -> PixelSize {
        PixelSize(width: (size.width * eighths + 7) / 8, height: (size.height * eighths + 7) / 8)
    }

    static func scaledSize(of size: PixelSize, covering target: PixelSize) -> PixelSize {
        scaledSize(of: size, eighths: scaleEighths(of: size, covering: target))
    }

    private static func withHandle<T>(_ body: (tjhandle) throws -> T) throws -> T {
        guard let handle = tjInitDecompress() else { throw DecodeFailure(.corrupt, "could not start the JPEG decoder") }
        defer { tjDestroy(handle) }
        return try body(handle)
    }

    private static func readHeader(_ handle: tjhandle, _ bytes: UnsafeRawBufferPointer) throws -> Header {
        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
        let status = tjDecompressHeader3(
            handle, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt(bytes.count),
            &width, &height, &subsampling, &colorspace
        )
        guard status == 0 else {
            let message = lastMessage(handle)
            if bytes.count < 1024 || message.contains("Premature") {
                throw DecodeFailure(.truncated, "not a complete JPEG (the header is cut short)")
            }
            throw DecodeFailure(.corrupt, "not a valid JPEG (\(message))")
        }
        return Header(size: PixelSize(width: Int(width), height: Int(height)), colorspace: colorspace)
    }

    /// After libjpeg's warnings only (last one `message`): the damage when the data was cut off, or nil when
    /// the picture is complete after all. Shared with `JPEGStreamingDecoder`.
    ///
    /// libjpeg reports a cut-off file as a *warning* ("Premature end of JPEG file") and fills the rest with
    /// grey (a progressive file keeps the scans that arrived): the picture is shown, with this note, so it
    /// never passes for complete. TurboJPEG keeps only the last warning, so a missing end marker after the
    /// first scan counts as truncation too. Other warnings (extraneous bytes between markers, common in
    /// camera files) leave a complete picture.
    static func truncation(message: String, _ bytes: UnsafeRawBufferPointer) -> DecodeFailure? {
        guard isCutShort(message: message, bytes) else { return nil }
        return DecodeFailure(.truncated, "truncated JPEG (the file ends early; the rest of the picture is grey)")
    }

    /// After libjpeg gave up with `message`: truncated when the data ran out, else corrupt.
    static func fatalFailure(message: String, _ bytes: UnsafeRawBufferPointer) -> DecodeFailure {
        isCutShort(message: message, bytes)
            ? DecodeFailure(.truncated, "not a complete JPEG (premature end of data)")
            : DecodeFailure(.corrupt, "not a valid JPEG (\(message))")
    }

    private static func isCutShort(message: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let scan = JPEGMetadata(scanning: bytes).firstScanOffset
        let cutShort = scan.map { !JPEGMetadata.hasEndMarker(bytes, after: $0) } ?? false
        return message.contains("Premature end of JPEG") || message.contains("insufficient data") || cutShort
    }

    static func lastMessage(_ handle: tjhandle) -> String {
        guard let text = tjGetErrorStr2(handle) else { return "unknown error" }
        var message = String(cString: text)
        // Drop the "tjDecompress2(): " prefix: the user wants libjpeg's reason, not our call site.
        if let range = message.range(of: "(): ") { message = String(message[range.upperBound...]) }
        return message
    }

    /// CMYK to RGB, in place. Adobe applications (and everything imitating them, signalled by the APP14
    /// marker) store CMYK inverted: 255 means no ink. Then R = C·K/255; otherwise R = (255−C)(255−K)/255.
    private static func convertCMYK(_ bitmap: inout Bitmap, inverted: Bool) {
        bitmap.pixels.withUnsafeMutableBufferPointer { pixels in
            var index = 0
            let count = pixels.count
            while index < count {
                var c = Int(pixels[index]), m = Int(pixels[index + 1]), y = Int(pixels[index + 2]), k = Int(pixels[index + 3])
                if !inverted { c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k }
                pixels[index] = UInt8((c * k + 127) / 255)
                pixels[index + 1] = UInt8((m * k + 127) / 255)
                pixels[index + 2] = UInt8((y * k + 127) / 255)
                pixels[index + 3] = 255
                index += 4
            }
        }
    }
}
