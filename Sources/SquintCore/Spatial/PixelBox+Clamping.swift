import Imaging

extension PixelBox {
    /// The box with its corners in order and inside an image of `size`, at least `minimumSide` pixels on each
    /// side (a box a person drags past the edge stops there; one shrunk to nothing keeps a sliver to grab).
    public func clamped(to size: PixelSize, minimumSide: Double = 1) -> PixelBox {
        let width = Double(max(1, size.width)), height = Double(max(1, size.height))
        let side = min(minimumSide, width, height)
        var x0 = min(max(0, min(self.x0, self.x1)), width - side)
        var y0 = min(max(0, min(self.y0, self.y1)), height - side)
        let x1 = min(width, max(x0 + side, max(self.x0, self.x1)))
        let y1 = min(height, max(y0 + side, max(self.y0, self.y1)))
        x0 = min(x0, x1 - side)
        y0 = min(y0, y1 - side)
        return PixelBox(x0: x0, y0: y0, x1: x1, y1: y1)
    }

    /// The same box moved by `dx`, `dy`, kept whole inside an image of `size`: a box pushed against an edge
    /// stops there instead of shrinking.
    public func moved(dx: Double, dy: Double, within size: PixelSize) -> PixelBox {
        let width = Double(max(1, size.width)), height = Double(max(1, size.height))
        let w = min(self.width, width), h = min(self.height, height)
        let x0 = min(max(0, self.x0 + dx), width - w), y0 = min(max(0, self.y0 + dy), height - h)
        return PixelBox(x0: x0, y0: y0, x1: x0 + w, y1: y0 + h)
    }
}
