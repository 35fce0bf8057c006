import Imaging

/// Stands in when no decoder or renderer is available: the TUI still browses, and says why there is no picture.
public struct UnavailablePreviewService: PreviewService {
    public let reason: String
    public init(reason: String) { self.reason = reason }
    public var modeName: String { "none" }
    public var drawsCells: Bool { true }
    public var cellPixelSize: PixelSize { PixelSize(width: 8, height: 16) }
    public func decode(path: String, fitting: PixelSize) async throws -> DecodedImage { throw TUIError.unavailable(reason) }
    public func render(_ bitmap: Bitmap, columns: Int, rows: Int) async throws -> RenderedPicture { throw TUIError.unavailable(reason) }
}
