import Foundation

extension ImageLoader {
    /// Reads and decodes a file off the calling actor (the UI loop never waits on libjpeg), checking for
    /// cancellation between read, header, decode, resample and orientation (and between rows of a JPEG
    /// being resampled as it decodes): a preview the user has already scrolled past stops soon.
    @concurrent
    public static func decode(url: URL, maxSize: PixelSize?, budget: PixelBudget = .default,
                              downscaling: Downscaling = .standard) async throws -> Bitmap {
        try await load(url: url, maxSize: maxSize, budget: budget, downscaling: downscaling).bitmap
    }

    /// `decode(url:maxSize:budget:)` with the file's header facts alongside the bitmap (and the damage of a
    /// cut-off JPEG shown as far as it goes).
    @concurrent
    public static func load(url: URL, maxSize: PixelSize?, budget: PixelBudget = .default,
                            downscaling: Downscaling = .standard) async throws -> DecodedImage {
        try Task.checkCancellation()
        let name = url.lastPathComponent
        let data = try read(url: url)
        try Task.checkCancellation()
        let info = try info(data: data, name: name)
        try Task.checkCancellation()
        return try decode(data: data, name: name, info: info, maxSize: maxSize, budget: budget,
                          downscaling: downscaling, cancellable: true)
    }

    /// Header facts for a file, off the calling actor.
    @concurrent
    public static func info(url: URL) async throws -> ImageInfo {
        let data = try read(url: url)
        return try info(data: data, name: url.lastPathComponent)
    }
}
