import Imaging

/// Fitting an image into a block of cells while keeping its aspect ratio.
public enum RenderLayout {
    /// The largest size with `imageSize`'s aspect ratio inside `area` cells of `cellSize` pixels, and
    /// the cells that size covers (rounded up).
    public static func fit(_ imageSize: PixelSize, in area: CellSize, cellSize: PixelSize) -> (pixels: PixelSize, cells: CellSize) {
        let boxWidth = max(1, area.columns) * max(1, cellSize.width)
        let boxHeight = max(1, area.rows) * max(1, cellSize.height)
        guard imageSize.width > 0, imageSize.height > 0 else {
            return (PixelSize(width: 1, height: 1), CellSize(columns: 1, rows: 1))
        }
        let scale = min(Double(boxWidth) / Double(imageSize.width), Double(boxHeight) / Double(imageSize.height))
        let width = min(boxWidth, max(1, Int((Double(imageSize.width) * scale).rounded())))
        let height = min(boxHeight, max(1, Int((Double(imageSize.height) * scale).rounded())))
        let pixels = PixelSize(width: width, height: height)
        return (pixels, cells(covering: pixels, cellSize: cellSize))
    }

    public static func cells(covering pixels: PixelSize, cellSize: PixelSize) -> CellSize {
        CellSize(
            columns: (pixels.width + cellSize.width - 1) / max(1, cellSize.width),
            rows: (pixels.height + cellSize.height - 1) / max(1, cellSize.height))
    }

    /// For text renderers: the image's aspect ratio at `pixelsAcross` pixels per fitted cell column,
    /// so `fit` on the result gives back the same cells.
    public static func textTarget(for imageSize: PixelSize, in area: CellSize, cellSize: PixelSize, pixelsAcross: Int) -> PixelSize {
        let fitted = fit(imageSize, in: area, cellSize: cellSize)
        let width = fitted.cells.columns * pixelsAcross
        let height = max(1, Int((Double(width) * Double(fitted.pixels.height) / Double(fitted.pixels.width)).rounded()))
        return PixelSize(width: width, height: height)
    }
}
