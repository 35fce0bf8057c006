import Imaging
import SquintCore

/// A box being moved or resized from the keyboard (`B`), or drawn (`I`), before it is saved.
///
/// The steps are in terminal cells: one cell of the picture in image pixels, or a fifth of that (at least one
/// pixel) for the finer step, so a press moves the outline by what the eye can see at this size. The box is
/// kept inside the image; an edge never crosses the one opposite.
public struct BoxEdit: Sendable, Equatable {
    /// What the arrows move: the whole box, or one edge (Tab cycles them).
    public enum Part: String, Sendable, CaseIterable {
        case whole = "box", left = "left edge", top = "top edge", right = "right edge", bottom = "bottom edge"
    }

    /// The detection's store id; nil for a new box.
    public var detectionID: Int64?
    /// The box when the edit began (the effective box: a person's earlier edit, or the model's).
    public var original: PixelBox
    public var box: PixelBox
    public var part: Part = .whole
    public var imageSize: PixelSize
    /// Image pixels per terminal cell, across and down.
    public var cell: (x: Double, y: Double)

    public init(detectionID: Int64?, box: PixelBox, imageSize: PixelSize, cell: (x: Double, y: Double)) {
        self.detectionID = detectionID
        self.original = box
        self.box = box.clamped(to: imageSize)
        self.imageSize = imageSize
        self.cell = (max(1, cell.x), max(1, cell.y))
    }

    public static func == (a: BoxEdit, b: BoxEdit) -> Bool {
        a.detectionID == b.detectionID && a.original == b.original && a.box == b.box && a.part == b.part
            && a.imageSize == b.imageSize && a.cell.x == b.cell.x && a.cell.y == b.cell.y
    }

    public var isNew: Bool { detectionID == nil }
    public var changed: Bool { box != original }

    /// The image pixels one terminal cell covers when an image of `imageSize` is fitted into `area` cells
    /// (cells taken as twice as tall as wide, as terminals draw them), over the `viewport` part of it.
    public static func cellSize(imageSize: PixelSize, area: Rect, viewport: UnitRect = .full) -> (x: Double, y: Double) {
        let width = Double(max(1, imageSize.width)) * (viewport.maxX - viewport.minX)
        let height = Double(max(1, imageSize.height)) * (viewport.maxY - viewport.minY)
        let across = max(width / Double(max(1, area.width)), height / Double(max(1, area.height * 2)))
        return (across, across * 2)
    }

    /// Moves the part by `dx`, `dy` cells (or fifths of a cell when `fine`); edges move along their own axis.
    public mutating func nudge(dx: Int, dy: Int, fine: Bool) {
        let stepX = fine ? max(1, (cell.x / 5).rounded()) : cell.x
        let stepY = fine ? max(1, (cell.y / 5).rounded()) : cell.y
        let mx = Double(dx) * stepX, my = Double(dy) * stepY
        let width = Double(imageSize.width), height = Double(imageSize.height)
        switch part {
        case .whole: box = box.moved(dx: mx, dy: my, within: imageSize)
        case .left: box.x0 = min(max(0, box.x0 + mx), box.x1 - 1)
        case .right: box.x1 = max(min(width, box.x1 + mx), box.x0 + 1)
        case .top: box.y0 = min(max(0, box.y0 + my), box.y1 - 1)
        case .bottom: box.y1 = max(min(height, box.y1 + my), box.y0 + 1)
        }
    }

    public mutating func cyclePart(forward: Bool) {
        let all = Part.allCases
        let index = all.firstIndex(of: part) ?? 0
        part = all[(index + (forward ? 1 : all.count - 1)) % all.count]
    }

    /// A new box in the middle of the image, a quarter of its size (half its width and height).
    public static func newBox(in size: PixelSize) -> PixelBox {
        let w = Double(size.width), h = Double(size.height)
        return PixelBox(x0: w / 4, y0: h / 4, x1: w * 3 / 4, y1: h * 3 / 4)
    }
}
