import SquintCore
import Imaging
import TerminalGraphics
import CNcursesw

/// The picture pane. Text-mode pictures are drawn here cell by cell, with detection outlines and labels on top
/// in line-drawing characters (crisp at cell resolution); graphics-mode pictures are written by the event loop
/// after the refresh, so this view leaves their cells alone unless told to erase them.
enum PreviewView {
    struct Picture {
        var key: PictureKey
        var rendered: RenderedPicture
        /// The part of the image shown (zoom), in unit coordinates, for mapping outlines.
        var viewport: UnitRect
        var imageSize: PixelSize?
        /// "truncated" for a cut-off JPEG shown as far as it goes.
        var damage: String? = nil
    }

    /// The cell offset of a picture inside the pane (centred in the area inside the border).
    static func origin(of picture: RenderedPicture, in paneWidth: Int, _ paneHeight: Int) -> (x: Int, y: Int) {
        let innerW = paneWidth - 2, innerH = paneHeight - 2
        return (1 + max(0, (innerW - picture.columns) / 2), 1 + max(0, (innerH - picture.rows) / 2))
    }

    /// Draws the frame and, in text modes, the picture. `clearInterior` repaints the inside with spaces, which is
    /// how a sixel picture is erased (terminals drop sixel pixels under newly written cells).
    static func draw(_ state: AppState, on canvas: Canvas, picture: Picture?, loading: Bool, clearInterior: Bool) {
        let title = previewTitle(state, picture: picture, loading: loading)
        if clearInterior { canvas.clear() }
        canvas.frame(title: title, focused: false, right: overlayFlags(state), footer: footer(state, width: canvas.width))
        guard let picture else {
            if clearInterior || true {
                let message: String
                if let error = state.previewError { message = "✗ " + error }
                else if state.selectedImage == nil { message = state.selectedEntry?.isDirectory == true ? "folder — enter opens it" : "" }
                else { message = loading ? "decoding…" : "" }
                if !message.isEmpty {
                    for (i, line) in MarkdownLite.hardWrap(TerminalSafe.text(message), style: .plain, width: max(4, canvas.width - 4)).prefix(3).enumerated() {
                        canvas.put(2, 1 + i, line.text, state.previewError != nil ? .rejected : .dim)
                    }
                }
            }
            return
        }
        guard case .cells(let grid) = picture.rendered else { return }
        let (ox, oy) = origin(of: picture.rendered, in: canvas.width, canvas.height)
        drawGrid(grid, on: canvas, x: ox, y: oy)
        DetectionOutlines.draw(state, on: canvas, grid: grid, viewport: picture.viewport, x: ox, y: oy)
    }

    static func previewTitle(_ state: AppState, picture: Picture?, loading: Bool) -> String {
        guard let entry = state.selectedEntry else { return "Preview" }
        var title = TerminalSafe.text(entry.name)
        if let size = picture?.imageSize { title += "  \(size.width)×\(size.height)" }
        if let damage = picture?.damage { title += "  [\(damage)]" }
        if state.zoomed { title += "  [zoom]" }
        if let edit = state.boxEdit { title += "  [\(edit.isNew ? "new box" : "edit"): \(edit.part.rawValue)]" }
        if loading { title += "  …" }
        return title
    }

    /// The bottom line: the folder's review counts, once there is anything to review.
    static func footer(_ state: AppState, width: Int) -> String {
        guard let counts = state.reviewCounts, counts.images > 0 else { return "" }
        return AppState.countsLine(counts, unicode: state.unicodeGlyphs, columns: max(8, width - 6))
    }

    static func overlayFlags(_ state: AppState) -> String {
        guard !state.detections.isEmpty else { return "" }
        return [state.showBoxes ? "boxes" : nil, state.showMasks ? "masks" : nil, state.showLabels ? "labels" : nil]
            .compactMap { $0 }.joined(separator: " ")
    }

    static func drawGrid(_ grid: CellGrid, on canvas: Canvas, x: Int, y: Int) {
        let pairs = canvas.styles.pairs
        for row in 0..<grid.rows where y + row < canvas.height - 1 {
            var column = 0
            while column < grid.columns && x + column < canvas.width - 1 {
                let cell = grid[column, row]
                let fg = cell.foregroundIndex.map(Int32.init) ?? pairs.colorNumber(r: cell.foreground.r, g: cell.foreground.g, b: cell.foreground.b)
                let bg = cell.backgroundIndex.map(Int32.init) ?? pairs.colorNumber(r: cell.background.r, g: cell.background.g, b: cell.background.b)
                let pair = pairs.pair(foreground: fg, background: bg)
                canvas.put(x + column, y + row, cell.character.isEmpty ? " " : cell.character, attrs: 0, pair: pair, maxWidth: 1)
                column += 1
            }
        }
    }
}
