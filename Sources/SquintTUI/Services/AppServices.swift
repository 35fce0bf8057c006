import Imaging

/// Everything the TUI asks of the rest of Squint, behind small protocols so the event loop and its tests do
/// not depend on the network, the decoders or the database directly.
public struct AppServices: Sendable {
    public var previews: any PreviewService
    public var answers: (any AnswerService)?
    public var store: any ReviewStore

    public init(previews: any PreviewService, answers: (any AnswerService)?, store: any ReviewStore) {
        self.previews = previews
        self.answers = answers
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
    /// Decodes `path` scaled to fit `fitting` (orientation applied), never larger than the original.
    func decode(path: String, fitting: PixelSize) async throws -> Bitmap
    /// Draws the overlays for `detections` into `bitmap` (masks always; boxes and labels in graphics modes).
    func composite(_ bitmap: Bitmap, detections: [DetectionItem], options: OverlayOptions) -> Bitmap
    /// Renders a bitmap to fit `columns`×`rows` cells.
    func render(_ bitmap: Bitmap, columns: Int, rows: Int) async throws -> RenderedPicture
}

/// What the overlays show.
public struct OverlayOptions: Sendable, Hashable {
    public var boxes: Bool
    public var masks: Bool
    public var labels: Bool
    public var selected: Int?
    /// Text modes draw boxes and labels with curses; the bitmap then only gets the masks.
    public var masksOnly: Bool
    public var palette: [CellGrid.RGB]
    public init(boxes: Bool, masks: Bool, labels: Bool, selected: Int?, masksOnly: Bool, palette: [CellGrid.RGB]) {
        self.boxes = boxes
        self.masks = masks
        self.labels = labels
        self.selected = selected
        self.masksOnly = masksOnly
        self.palette = palette
    }
}

/// One update of a running request.
public enum AnswerUpdate: Sendable {
    case delta(String)
    case usage(TokenUsage)
    /// The answer is complete and saved; spatial tasks give their detections (with store ids).
    case finished([DetectionItem]?)
}

/// Asking the model: streams text as it arrives, then saves the answer and its detections.
public protocol AnswerService: Sendable {
    /// The model name shown in the status bar.
    var modelName: String { get }
    func run(_ spec: RequestSpec) -> AsyncThrowingStream<AnswerUpdate, any Error>
}

/// The review store: answers, detections and review decisions per image, persisted.
public protocol ReviewStore: Sendable {
    func record(for image: String) async throws -> ImageRecord?
    /// Marks for the images of a folder (answered, pending review), by file name.
    func marks(folder: String, names: [String]) async throws -> [String: FileEntry.Mark]
    func apply(_ action: ReviewAction) async throws
    /// Exports the folder's detections; returns a one-line description of what was written.
    func export(folder: String, format: ExportFormat) async throws -> String
}
