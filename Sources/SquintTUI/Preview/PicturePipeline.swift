import Imaging
import SquintCore
import TerminalGraphics

/// Decode → crop for zoom → overlays → render, for one `PictureKey`. Runs in a task off the curses thread.
public enum PicturePipeline {
    /// The pixels to decode for an area of cells: the cell size for graphics protocols, a fixed 8×16 per cell for
    /// text art (chafa samples several pixels per cell).
    static func fitting(area: Rect, cellPixels: PixelSize, drawsCells: Bool) -> PixelSize {
        let cell = drawsCells ? PixelSize(width: 8, height: 16) : cellPixels
        return PixelSize(width: max(1, area.width * cell.width), height: max(1, area.height * cell.height))
    }

    /// The part of the image the key shows: the selected detection's box with a margin when zoomed.
    static func viewport(for key: PictureKey) -> UnitRect {
        guard key.zoomed, let index = key.selectedDetection, index < key.detections.count,
              let box = key.detections[index].effectiveBox else { return .full }
        return OverlayGeometry.zoomViewport(for: box, imageSize: key.detections[index].imageSize)
    }

    /// The picture for `key`: from the cache when it was rendered before, else decoded (or from the decode cache),
    /// drawn over and rendered.
    public static func run(key: PictureKey, service: any PreviewService, cache: PreviewCache) async throws -> PictureBox {
        try await cache.picture(for: key) { try await render(key: key, service: service, cache: cache) }
    }

    static func render(key: PictureKey, service: any PreviewService, cache: PreviewCache) async throws -> PictureBox {
        guard let path = key.image else { throw TUIError.unavailable("no image") }
        let area = key.area
        var fit = fitting(area: area, cellPixels: service.cellPixelSize, drawsCells: service.drawsCells)
        let viewport = viewport(for: key)
        if viewport != .full {
            let scale = min(6, 1 / max(0.05, min(viewport.maxX - viewport.minX, viewport.maxY - viewport.minY)))
            fit = PixelSize(width: Int(Double(fit.width) * scale), height: Int(Double(fit.height) * scale))
        }
        let image = try await cache.image(path: path, fitting: fit)
        let decoded = image.bitmap
        try Task.checkCancellation()
        var bitmap = viewport == .full ? decoded : crop(decoded, viewport: viewport)
        if let overlays = overlays(for: key, viewport: viewport, drawsCells: service.drawsCells) {
            if service.drawsCells {
                bitmap.draw(overlays)  // masks only, sampled into cells
            } else {
                let area = CellSize(columns: key.area.width, rows: key.area.height)
                let display = RenderLayout.fit(bitmap.size, in: area, cellSize: service.cellPixelSize).pixels
                bitmap = bitmap.annotated(overlays, displaySize: display, labelHeight: service.cellPixelSize.height)
            }
        }
        try Task.checkCancellation()
        let rendered = try await service.render(bitmap, columns: area.width, rows: area.height)
        return PictureBox(rendered: rendered, viewport: viewport, imageSize: image.info.uprightSize,
                          damage: image.damage.map { _ in "truncated" })
    }

    /// The overlays the key's picture gets, nil for none. Rejected detections are hidden (the selected one stays),
    /// but keep their colour and number, so rejecting or zooming never recolours or renumbers the others. Text
    /// modes draw boxes and labels with curses (`DetectionOutlines`); the bitmap then only gets the masks.
    static func overlays(for key: PictureKey, viewport: UnitRect, drawsCells: Bool) -> [Overlay]? {
        // The list's filter hides some too (`key.hidden`), the selected one included.
        let hidden = Set(key.detections.indices.filter { key.detections[$0].review == .rejected && $0 != key.selectedDetection })
            .union(key.hidden)
        guard hidden.count < key.detections.count, key.masks || !drawsCells,
              let imageSize = key.detections.first?.imageSize else { return nil }
        let options = DetectionOverlayOptions(
            boxes: key.boxes && !drawsCells, masks: key.masks, labels: key.labels && !drawsCells, viewport: viewport,
            selected: key.selectedDetection, numbers: !drawsCells, hidden: hidden, terminalColors: key.terminalColors)
        let overlays = Detection.overlays(for: key.detections.map(\.shown), imageSize: imageSize, options: options)
        return overlays.isEmpty ? nil : overlays
    }

    /// The part of `bitmap` inside a unit viewport.
    static func crop(_ bitmap: Bitmap, viewport: UnitRect) -> Bitmap {
        let x0 = Int(Double(bitmap.width) * viewport.minX), x1 = max(x0 + 1, Int(Double(bitmap.width) * viewport.maxX))
        let y0 = Int(Double(bitmap.height) * viewport.minY), y1 = max(y0 + 1, Int(Double(bitmap.height) * viewport.maxY))
        let w = min(x1, bitmap.width) - x0, h = min(y1, bitmap.height) - y0
        guard w > 0, h > 0 else { return bitmap }
        var pixels = [UInt8](repeating: 0, count: w * h * 4)
        bitmap.pixels.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { target in
                for row in 0..<h {
                    let from = ((y0 + row) * bitmap.width + x0) * 4
                    for i in 0..<(w * 4) { target[row * w * 4 + i] = source[from + i] }
                }
            }
        }
        return Bitmap(width: w, height: h, pixels: pixels)
    }
}
