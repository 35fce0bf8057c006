import Imaging
import SquintCore
import TerminalGraphics

/// Everything the TUI asks of the rest of Squint: pictures behind a small protocol (the loop's tests use a
/// stand-in), and SquintCore's own pipeline and store for asking and review.
public struct AppServices: Sendable {
    public var previews: any PreviewService
    /// Nil without an API key: the folder still browses and previews.
    public var asking: AskPipeline?
    public var store: Store

    public init(previews: any PreviewService, asking: AskPipeline?, store: Store) {
        self.previews = previews
        self.asking = asking
        self.store = store
    }
}

/// Decoding and drawing pictures.
public protocol PreviewService: Sendable {
    /// The graphics mode in use, shown in the status bar (`sixel`, `kitty`, `symbols`, `ascii`…).
    var modeName: String { get }
    /// True for text modes: the picture is a cell grid drawn through curses.
    var drawsCells: Bool { get }
    /// Pixels per terminal cell, to size decodes for graphics protocols.
    var cellPixelSize: PixelSize { get }
    /// Decodes `path` scaled to fit `fitting` (orientation applied), never larger than the original, with the
    /// file's header facts (its own size, for the preview's title).
    func decode(path: String, fitting: PixelSize) async throws -> DecodedImage
    /// Renders a bitmap to fit `columns`×`rows` cells.
    func render(_ bitmap: Bitmap, columns: Int, rows: Int) async throws -> RenderedPicture
}
