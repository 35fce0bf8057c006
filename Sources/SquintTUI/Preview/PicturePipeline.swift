import Imaging

/// Decode → crop for zoom → overlays → render, for one `PictureKey`. Runs in a task off the curses thread.
enum PicturePipeline {
    /// The pixels to decode for an area of cells: the cell size for graphics protocols, a fixed 8×16 per cell for
    /// text art (chafa samples several pixels per cell).
    static func fitting(area: Rect, cellPixels: PixelSize, drawsCells: Bool) -> PixelSize {
        let cell = drawsCells ? PixelSize(width: 8, height: 16) : cellPixels
        return PixelSize(width: max(1, area.width * cell.width), height: max(1, area.height * cell.height))
    }

    static func run(key: PictureKey, service: any PreviewService, cache: PreviewCache,
                    palette: [CellGrid.RGB]) async throws -> PreviewView.PictureBox {
        guard let path = key.image else { throw TUIError.unavailable("no image") }
        let area = key.area
        var fit = fitting(area: area, cellPixels: service.cellPixelSize, drawsCells: service.drawsCells)
        var viewport = [0, 0, 1000, 1000]
        if key.zoomed, let index = key.selectedDetection, index < key.detections.count, let box = key.detections[index].box {
            viewport = OverlayGeometry.zoomViewport(for: box)
            let fy = Double(viewport[2] - viewport[0]) / 1000, fx = Double(viewport[3] - viewport[1]) / 1000
            let scale = min(6, 1 / max(0.05, min(fx, fy)))
            fit = PixelSize(width: Int(Double(fit.width) * scale), height: Int(Double(fit.height) * scale))
        }
        let decoded = try await cache.bitmap(path: path, fitting: fit)
        try Task.checkCancellation()
        var bitmap = viewport == [0, 0, 1000, 1000] ? decoded : crop(decoded, viewport: viewport)
        let detections = key.detections.compactMap { $0.reprojected(into: viewport) }
        let options = OverlayOptions(boxes: key.boxes, masks: key.masks, labels: key.labels, selected: key.selectedDetection,
                                     masksOnly: service.drawsCells, palette: palette)
        if !detections.isEmpty && (key.masks || !service.drawsCells) {
            bitmap = service.composite(bitmap, detections: detections, options: options)
        }
        try Task.checkCancellation()
        let rendered = try await service.render(bitmap, columns: area.width, rows: area.height)
        return PreviewView.PictureBox(rendered: rendered, viewport: viewport, imageSize: decoded.size)
    }

    /// The part of `bitmap` inside a normalised viewport.
    static func crop(_ bitmap: Bitmap, viewport: [Int]) -> Bitmap {
        let x0 = bitmap.width * viewport[1] / 1000, x1 = max(x0 + 1, bitmap.width * viewport[3] / 1000)
        let y0 = bitmap.height * viewport[0] / 1000, y1 = max(y0 + 1, bitmap.height * viewport[2] / 1000)
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

extension DetectionItem {
    /// This detection in the coordinates of a zoomed viewport (nil when it lies entirely outside).
    func reprojected(into viewport: [Int]) -> DetectionItem? {
        guard viewport != [0, 0, 1000, 1000] else { return self }
        let h = Double(viewport[2] - viewport[0]), w = Double(viewport[3] - viewport[1])
        func y(_ v: Int) -> Int { Int((Double(v - viewport[0]) / h * 1000).rounded()) }
        func x(_ v: Int) -> Int { Int((Double(v - viewport[1]) / w * 1000).rounded()) }
        var copy = self
        if let box {
            let b = [y(box[0]), x(box[1]), y(box[2]), x(box[3])]
            if b[2] < 0 || b[0] > 1000 || b[3] < 0 || b[1] > 1000 { return nil }
            copy.box = b
        }
        if let point { copy.point = [y(point[0]), x(point[1])] }
        return copy
    }
}
