import Imaging
import SquintCore
import TerminalGraphics

/// Detection outlines over a text-mode picture, in line-drawing characters (crisp at cell resolution).
///
/// The same rules as the pixel overlays: colours by label at the terminal's depth, the selected detection
/// drawn last in heavy lines with the others dim, and tags "3 cupcake" — the number the list shows — placed so
/// they do not cover each other, cut to the number alone where a box is too narrow for words.
enum DetectionOutlines {
    /// One outline or marker to draw, in cells of the picture, in drawing order (the selected one last).
    struct Mark: Equatable {
        enum Shape: Equatable { case box(Rect), point(column: Int, row: Int) }
        var index: Int
        var shape: Shape
        var emphasis: Overlay.Emphasis
    }

    /// What to draw for `state` on a grid of `geometry`: outlines in order, and the tags placed.
    static func layout(_ state: AppState, geometry: OverlayGeometry) -> (marks: [Mark], tags: [Int: LabelPlacement.Placed]) {
        // The box being edited shows where it is now; what the list's filter hides is not drawn.
        let detections = state.pictureDetections
        let hidden = Set(state.hiddenDetections)
        let selected = state.pictureSelection.flatMap { detections.indices.contains($0) ? $0 : nil }
        var marks: [Mark] = []
        for (index, item) in detections.enumerated() where (item.review != .rejected || index == selected) && !hidden.contains(index) {
            let emphasis: Overlay.Emphasis = selected == nil ? .normal : index == selected ? .selected : .dimmed
            if let box = item.effectiveBox {
                if state.showBoxes, let cells = geometry.cells(forBox: box) { marks.append(Mark(index: index, shape: .box(cells), emphasis: emphasis)) }
            } else if let point = item.detection.point, let (column, row) = geometry.cell(forPoint: point) {
                marks.append(Mark(index: index, shape: .point(column: column, row: row), emphasis: emphasis))
            }
        }
        marks.sort { ($0.emphasis == .selected ? 1 : 0) < ($1.emphasis == .selected ? 1 : 0) }
        // Tags: the selected one placed first, so it always gets its best spot.
        let placing = marks.filter { $0.emphasis == .selected } + marks.filter { $0.emphasis != .selected }
        let requests = placing.map { mark -> LabelPlacement.Request in
            let number = String(mark.index + 1)
            let label = TerminalSafe.text(detections[mark.index].effectiveLabel)
            switch mark.shape {
            case .box(let r):
                return LabelPlacement.Request(anchor: PixelRect(x: r.x, y: r.y, width: r.width, height: r.height),
                                              texts: texts(number: number, label: state.showLabels ? label : nil, room: max(r.width, number.count + 1),
                                                           unicode: state.unicodeGlyphs),
                                              required: mark.emphasis == .selected)
            case .point(let column, let row):
                return LabelPlacement.Request(anchor: PixelRect(x: column, y: row, width: 1, height: 1), isPoint: true,
                                              texts: texts(number: number, label: state.showLabels ? label : nil, room: 16, unicode: state.unicodeGlyphs),
                                              required: mark.emphasis == .selected)
            }
        }
        let placed = LabelPlacement.place(requests, in: PixelSize(width: geometry.columns, height: geometry.rows)) {
            PixelSize(width: DisplayWidth.of($0), height: 1)
        }
        var tags: [Int: LabelPlacement.Placed] = [:]
        for (mark, tag) in zip(placing, placed) { if let tag { tags[mark.index] = tag } }
        return (marks, tags)
    }

    /// "3 cupcake" when it fits `room` columns, "3 cupc…" when four characters of the label survive, else "3".
    static func texts(number: String, label: String?, room: Int, unicode: Bool) -> [String] {
        guard let label, !label.isEmpty else { return [number] }
        let full = number + " " + label
        if DisplayWidth.of(full) <= room { return [full, number] }
        let left = room - number.count - 2
        if left >= 4 { return [number + " " + DisplayWidth.prefix(label, fitting: left) + (unicode ? "…" : "~"), number] }
        return [number]
    }

    static func draw(_ state: AppState, on canvas: Canvas, grid: CellGrid, viewport: UnitRect, x: Int, y: Int) {
        let detections = state.pictureDetections
        guard let imageSize = detections.first?.imageSize else { return }
        let geometry = OverlayGeometry(viewport: viewport, imageSize: imageSize, columns: grid.columns, rows: grid.rows)
        let colors = Detection.colors(forLabels: detections.map(\.effectiveLabel), terminal: state.terminalColors)
        let (marks, tags) = layout(state, geometry: geometry)
        func put(_ cx: Int, _ cy: Int, _ text: String, _ style: StyleTable.Resolved) {
            guard cx >= 0, cy >= 0, cy < grid.rows, cx < grid.columns else { return }
            canvas.put(x + cx, y + cy, text, attrs: style.attrs, pair: style.pair, maxWidth: min(DisplayWidth.of(text), grid.columns - cx))
        }
        for mark in marks {
            let style = canvas.styles.outline(colors[mark.index], emphasis: mark.emphasis)
            let heavy = mark.emphasis == .selected
            switch mark.shape {
            case .box(let r):
                let (h, v, tl, tr, bl, br) = lines(heavy: heavy, unicode: state.unicodeGlyphs)
                if r.width == 1 && r.height == 1 {
                    put(r.x, r.y, state.unicodeGlyphs ? "□" : "#", style)
                    continue
                }
                for cx in r.x...(r.maxX - 1) { put(cx, r.y, h, style); put(cx, r.maxY - 1, h, style) }
                for cy in r.y...(r.maxY - 1) { put(r.x, cy, v, style); put(r.maxX - 1, cy, v, style) }
                put(r.x, r.y, tl, style); put(r.maxX - 1, r.y, tr, style)
                put(r.x, r.maxY - 1, bl, style); put(r.maxX - 1, r.maxY - 1, br, style)
            case .point(let column, let row):
                put(column, row, state.unicodeGlyphs ? (heavy ? "◉" : "●") : (heavy ? "@" : "o"), style)
            }
        }
        // Tags after every outline, the selected one last, so no later line cuts through a tag.
        for mark in marks {
            guard let tag = tags[mark.index] else { continue }
            var style = canvas.styles.badge(colors[mark.index])
            if mark.emphasis == .dimmed { style.attrs |= CursesAttributes.dim }
            if mark.emphasis == .selected { style.attrs |= CursesAttributes.underline }
            put(tag.frame.x, tag.frame.y, tag.text, style)
        }
    }

    /// Horizontal, vertical and the four corners: heavy for the selected box; ASCII when the locale is not UTF-8.
    static func lines(heavy: Bool, unicode: Bool) -> (String, String, String, String, String, String) {
        switch (unicode, heavy) {
        case (true, true): ("━", "┃", "┏", "┓", "┗", "┛")
        case (true, false): ("─", "│", "┌", "┐", "└", "┘")
        case (false, true): ("=", "#", "#", "#", "#", "#")
        case (false, false): ("-", "|", "+", "+", "+", "+")
        }
    }
}
