import Imaging

/// Decoded previews, bounded by memory, shared by the visible picture and neighbour prefetching.
///
/// An actor because two tasks may want the same image at once (the selection and a prefetch): the second waits
/// for the first decode instead of decoding again. Only complete bitmaps are stored, so a half-decoded image is
/// never shown.
public actor PreviewCache {
    struct Key: Hashable {
        var path: String
        var fitting: PixelSize
    }

    private var cache: LRUCache<Key, Bitmap>
    private var inflight: [Key: Task<Bitmap, any Error>] = [:]
    private let service: any PreviewService

    public init(service: any PreviewService, byteLimit: Int = 96 << 20) {
        self.service = service
        cache = LRUCache(costLimit: byteLimit)
    }

    public func bitmap(path: String, fitting: PixelSize) async throws -> Bitmap {
        let key = Key(path: path, fitting: fitting)
        if let hit = cache.value(for: key) { return hit }
        if let running = inflight[key] { return try await running.value }
        let service = self.service
        let task = Task { try await service.decode(path: path, fitting: fitting) }
        inflight[key] = task
        defer { inflight[key] = nil }
        let bitmap = try await task.value
        cache.insert(bitmap, for: key, cost: bitmap.pixels.count)
        return bitmap
    }

    /// Decodes the images ahead of time, nearest first; failures are ignored (they show when selected).
    public func prefetch(_ paths: [String], fitting: PixelSize) async {
        for path in paths {
            if Task.isCancelled { return }
            _ = try? await bitmap(path: path, fitting: fitting)
        }
    }

    public func contains(path: String, fitting: PixelSize) -> Bool { cache.contains(Key(path: path, fitting: fitting)) }

    public var byteCount: Int { cache.totalCost }
}
