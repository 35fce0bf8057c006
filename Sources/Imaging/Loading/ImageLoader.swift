import Foundation

/// The one entry point for turning image bytes into upright RGBA: detect the format from the bytes, read the
/// header, refuse over-budget images, decode (at reduced size when a smaller result is wanted), resample to
/// the exact size, and apply the EXIF orientation.
///
/// Every failure is an `ImagingError` naming the file; nothing here traps on bad input.
public enum ImageLoader {
    /// Header facts (format, stored and upright size, orientation, alpha) without decoding pixels.
    public static func info(data: Data, name: String) throws -> ImageInfo {
        let format = try detect(data, name: name)
        return try run(name) { try data.withUnsafeBytes { try format.decoder.info($0) } }
    }

    /// Decodes an image shown upright; with `maxSize`, fitted inside it (aspect ratio kept, never enlarged)
    /// the way `downscaling` says. `name` is only used in error messages (pass the file's last path component).
    public static func decode(data: Data, name: String, maxSize: PixelSize?, budget: PixelBudget = .default,
                              downscaling: Downscaling = .standard) throws -> Bitmap {
        try load(data: data, name: name, maxSize: maxSize, budget: budget, downscaling: downscaling).bitmap
    }

    /// `decode(data:name:maxSize:budget:downscaling:)` for bytes whose header `info(data:name:)` has already
    /// read, so it is not read again (for a HEIF that means parsing the whole container).
    public static func decode(data: Data, name: String, info: ImageInfo, maxSize: PixelSize?, budget: PixelBudget = .default,
                              downscaling: Downscaling = .standard) throws -> Bitmap {
        try load(data: data, name: name, info: info, maxSize: maxSize, budget: budget, downscaling: downscaling).bitmap
    }

    /// `decode(data:name:maxSize:budget:downscaling:)` with the header facts alongside the bitmap, and the
    /// damage when a cut-off JPEG is shown as far as its data goes.
    public static func load(data: Data, name: String, maxSize: PixelSize?, budget: PixelBudget = .default,
                            downscaling: Downscaling = .standard) throws -> DecodedImage {
        let info = try info(data: data, name: name)
        return try load(data: data, name: name, info: info, maxSize: maxSize, budget: budget, downscaling: downscaling)
    }

    /// `load(data:name:maxSize:budget:downscaling:)` for bytes whose header `info(data:name:)` has already read.
    public static func load(data: Data, name: String, info: ImageInfo, maxSize: PixelSize?, budget: PixelBudget = .default,
                            downscaling: Downscaling = .standard) throws -> DecodedImage {
        try decode(data: data, name: name, info: info, maxSize: maxSize, budget: budget, downscaling: downscaling, cancellable: false)
    }

    /// The full-resolution upright image, for exports and annotated PNGs.
    public static func decodeFull(data: Data, name: String, budget: PixelBudget = .default) throws -> Bitmap {
        try decode(data: data, name: name, maxSize: nil, budget: budget)
    }

    /// Decodes a single-channel mask (PNG, kept at 1 byte per pixel; other formats are decoded and their red channel kept).
    public static func decodeGray(data: Data, name: String, budget: PixelBudget = .default) throws -> GrayImage {
        let format = try detect(data, name: name)
        if format == .png {
            return try run(name) { try data.withUnsafeBytes { try PNGDecoder().decodeGray($0, budget: budget) } }
        }
        let bitmap = try decode(data: data, name: name, maxSize: nil, budget: budget)
        var gray = GrayImage(width: bitmap.width, height: bitmap.height)
        for index in 0..<gray.pixels.count { gray.pixels[index] = bitmap.pixels[index * 4] }
        return gray
    }

    /// Files larger than this are refused before reading: no image within the pixel budget needs 1 GB of bytes.
    public static let maxFileBytes = 1 << 30

    /// Reads a file; a missing, unreadable or absurdly large file becomes an `ImagingError` naming it.
    ///
    /// Read, not memory-mapped: a mapped file that another program truncates while we decode kills the
    /// process with SIGBUS, and a photo folder being synced is exactly where that happens. Opened by its file
    /// system bytes (`FileSystemName`), so a name that is not UTF-8 opens too.
    public static func read(url: URL) throws -> Data {
        try read(path: url.path, name: url.lastPathComponent)
    }

    /// `read(url:)` for a path string (which may carry `FileSystemName` escapes); `name` is used in errors.
    public static func read(path: String, name: String) throws -> Data {
        switch FileReader.read(path: path, limit: maxFileBytes) {
        case .success(let data):
            return data
        case .failure(let failure):
            switch failure {
            case .missing: throw ImagingError(.unreadable, file: name, reason: "no such file")
            case .directory: throw ImagingError(.unreadable, file: name, reason: "is a directory, not an image")
            case .denied: throw ImagingError(.unreadable, file: name, reason: "permission denied")
            case .tooLarge(let size):
                throw ImagingError(.tooLarge, file: name, reason: "the file is \(size / 1_048_576) MB, above the \(maxFileBytes / 1_048_576) MB limit")
            case .other(let reason): throw ImagingError(.unreadable, file: name, reason: "cannot read (\(reason))")
            }
        }
    }

    static func decode(
        data: Data, name: String, info: ImageInfo, maxSize: PixelSize?, budget: PixelBudget,
        downscaling: Downscaling = .standard, cancellable: Bool
    ) throws -> DecodedImage {
        let format = info.format
        try run(name) { try budget.check(info.storedSize) }
        let upright = info.uprightSize
        let targetUpright = maxSize.map { upright.shrunk(toFit: $0) }
        let targetStored = targetUpright.map { info.orientation.swapsAxes ? $0.transposed : $0 }
        let wanted = targetStored.flatMap { $0 == info.storedSize ? nil : $0 }
        // A smaller JPEG is resampled while it decodes (CMYK ones, which libjpeg cannot give as RGB rows,
        // go the usual way).
        if format == .jpeg, let wanted, let (streamed, damage) = try run(name, {
            try decodeJPEGResampling(data, info: info, to: wanted, downscaling: downscaling, cancellable: cancellable)
        }) {
            return DecodedImage(info: info, bitmap: streamed.oriented(info.orientation), damage: damage?.named(name))
        }
        let decodeTarget = wanted.map { format == .jpeg ? downscaling.jpegDecodeTarget(for: $0) : $0 }
        var (bitmap, damage) = try run(name) {
            try data.withUnsafeBytes { try format.decoder.decodeKeepingDamage($0, target: decodeTarget, budget: budget) }
        }
        if cancellable { try Task.checkCancellation() }
        if let wanted, bitmap.size != wanted {
            bitmap = bitmap.resized(to: wanted, filter: downscaling.filter)
            if cancellable { try Task.checkCancellation() }
        }
        return DecodedImage(info: info, bitmap: bitmap.oriented(info.orientation), damage: damage?.named(name))
    }

    /// `JPEGStreamingDecoder` at the scale `downscaling` asks for, when `Bitmap.resized(to:filter:)` would not
    /// block-average first either, which the streaming resampler does not do (a tiny thumbnail of a huge
    /// photo goes the usual way).
    private static func decodeJPEGResampling(
        _ data: Data, info: ImageInfo, to wanted: PixelSize, downscaling: Downscaling, cancellable: Bool
    ) throws -> (Bitmap, damage: DecodeFailure?)? {
        let eighths = JPEGDecoder.scaleEighths(of: info.storedSize, covering: downscaling.jpegDecodeTarget(for: wanted))
        let decoded = JPEGDecoder.scaledSize(of: info.storedSize, eighths: eighths)
        guard Bitmap.preReductionBlocks(from: decoded, to: wanted) == (1, 1) else { return nil }
        return try data.withUnsafeBytes { bytes in
            try JPEGStreamingDecoder.decodeKeepingDamage(bytes, scaleEighths: eighths, to: wanted, filter: downscaling.filter,
                                            isCancelled: { cancellable && Task.isCancelled })
        }
    }

    static func detect(_ data: Data, name: String) throws -> ImageFormat {
        if data.isEmpty { throw ImagingError(.empty, file: name, reason: "empty file") }
        guard let format = ImageFormat.detect(data) else {
            throw ImagingError(.unrecognised, file: name, reason: "not a recognised image (JPEG, PNG, WebP, HEIF, GIF or BMP)")
        }
        return format
    }

    /// Names decoder failures after the file.
    static func run<T>(_ name: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as DecodeFailure {
            throw failure.named(name)
        }
    }
}
