import Imaging

/// Decoded previews and rendered pictures, bounded by memory, shared by the visible picture and neighbour
/// prefetching.
///
/// An actor because two tasks may want the same image at once (the selection and a prefetch): the second waits
/// for the first decode instead of decoding again. Only complete bitmaps are stored, so a half-decoded image is
/// never shown. Rendered pictures (a sixel, a kitty payload, a cell grid) are kept per picture key — image, area,
/// overlays — so coming back to an image writes the bytes it had without decoding or encoding again.
public actor PreviewCache {
    struct Key: Hashable {
        var path: String
        var fitting: PixelSize
    }

    private var decoded: LRUCache<Key, DecodedImage>
    private var pictures: LRUCache<PictureKey, PictureBox>
    private var inflight: [Key: Task<DecodedImage, any Error>] = [:]
    private let service: any PreviewService
    /// Renders done (cache misses), for the benchmarks.
    public private(set) var renderCount = 0

    public init(service: any PreviewService, byteLimit: Int = 48 << 20, pictureByteLimit: Int = 32 << 20) {
        self.service = service
        decoded = LRUCache(costLimit: byteLimit)
        pictures = LRUCache(costLimit: pictureByteLimit)
    }

    public func image(path: String, fitting: PixelSize) async throws -> DecodedImage {
        let key = Key(path: path, fitting: fitting)
        if let hit = decoded.value(for: key) { return hit }
        if let running = inflight[key] { return try await running.value }
        let service = self.service
        let task = Task { try await service.decode(path: path, fitting: fitting) }
        inflight[key] = task
        defer { inflight[key] = nil }
        let image = try await task.value
        decoded.insert(image, for: key, cost: image.bitmap.pixels.count)
        return image
    }

    public func bitmap(path: String, fitting: PixelSize) async throws -> Bitmap {
        try await image(path: path, fitting: fitting).bitmap
    }

    /// The picture for `key`, rendered by `make` unless it was rendered before.
    public func picture(for key: PictureKey, make: @Sendable () async throws -> PictureBox) async throws -> PictureBox {
        if let hit = pictures.value(for: key) { return hit }
        let box = try await make()
        renderCount += 1
        pictures.insert(box, for: key, cost: Self.cost(of: box.rendered))
        return box
    }

    /// Decodes the images ahead of time, nearest first; failures are ignored (they show when selected).
    public func prefetch(_ paths: [String], fitting: PixelSize) async {
        for path in paths {
            if Task.isCancelled { return }
            _ = try? await image(path: path, fitting: fitting)
        }
    }

    public func contains(path: String, fitting: PixelSize) -> Bool { decoded.contains(Key(path: path, fitting: fitting)) }

    public var byteCount: Int { decoded.totalCost + pictures.totalCost }

    static func cost(of picture: RenderedPicture) -> Int {
        switch picture {
        case .graphics(let output): output.bytes.count + output.placeholderRows.reduce(0) { $0 + $1.count }
        case .cells(let grid): grid.columns * grid.rows * 48
        }
    }
}
