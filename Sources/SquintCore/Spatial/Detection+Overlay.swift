import Imaging

/// What a picture of detections shows: which parts, and which part of the image (zoom).
public struct DetectionOverlayOptions: Sendable, Equatable {
    public var boxes: Bool
    public var masks: Bool
    public var labels: Bool
    /// The part of the upright image the picture shows, in unit coordinates; `.full` unless zoomed.
    public var viewport: UnitRect
    /// The detection drawn on top, thicker, with the others dimmed (the one under review), by index.
    public var selected: Int?
    /// Number badges (1-based position in the list given) before each label, so a box and its list row can be
    /// matched without colour; shown alone where a label does not fit.
    public var numbers: Bool
    /// Detections not drawn (rejected ones in the TUI), by index. They still take part in the colour rule and
    /// the numbering, so hiding one never recolours or renumbers the others.
    public var hidden: Set<Int>
    /// The terminal the list is shown on: on 8 and 16 colours the picture uses the colours the list can show.
    public var terminalColors: TerminalColors

    public init(boxes: Bool = true, masks: Bool = true, labels: Bool = true, viewport: UnitRect = .full, selected: Int? = nil,
                numbers: Bool = true, hidden: Set<Int> = [], terminalColors: TerminalColors = .truecolor) {
        self.boxes = boxes
        self.masks = masks
        self.labels = labels
        self.viewport = viewport
        self.selected = selected
        self.numbers = numbers
        self.hidden = hidden
        self.terminalColors = terminalColors
    }

    public static let all = DetectionOverlayOptions()
}

extension Detection {
    /// The one colour rule, shared by the TUI (picture and list), `squint view` and annotated exports: one
    /// colour per label, assigned in order of first appearance, so every "cupcake" is drawn alike and zooming
    /// into a subset keeps the colours.
    public static func colors(forLabels labels: [String], palette: OverlayPalette = .standard) -> [RGBA] {
        let assigned = palette.colors(forLabels: labels)
        return labels.map { assigned[$0] ?? palette.color(at: 0) }
    }

    /// The same rule for a terminal of `terminal` colours: what the picture draws and how the list shows it,
    /// per detection (see `OverlayPalette.labelColors`).
    public static func colors(forLabels labels: [String], terminal: TerminalColors,
                              palette: OverlayPalette = .standard) -> [LabelColor] {
        let assigned = palette.labelColors(forLabels: labels, terminal: terminal)
        return labels.map { assigned[$0] ?? LabelColor(rgba: palette.color(at: 0)) }
    }

    /// The one overlay builder: the overlays that draw `detections` (pixels of the upright original of
    /// `imageSize`) over a picture of that image, or of the `options.viewport` part of it.
    public static func overlays(for detections: [Detection], imageSize: PixelSize, options: DetectionOverlayOptions = .all,
                                palette: OverlayPalette = .standard) -> [Overlay] {
        let width = Double(max(imageSize.width, 1)), height = Double(max(imageSize.height, 1))
        let view = options.viewport
        let viewWidth = max(view.maxX - view.minX, 1e-9), viewHeight = max(view.maxY - view.minY, 1e-9)
        func unit(x: Double, y: Double) -> (Double, Double) {
            ((x / width - view.minX) / viewWidth, (y / height - view.minY) / viewHeight)
        }
        func rect(x0: Double, y0: Double, x1: Double, y1: Double) -> UnitRect? {
            let (a, b) = unit(x: x0, y: y0), (c, d) = unit(x: x1, y: y1)
            guard c > 0, d > 0, a < 1, b < 1 else { return nil }
            return UnitRect(minX: a, minY: b, maxX: c, maxY: d)
        }
        let colors = colors(forLabels: detections.map(\.label), terminal: options.terminalColors, palette: palette)
        let selected = options.selected.flatMap { detections.indices.contains($0) && !options.hidden.contains($0) ? $0 : nil }
        var overlays: [Overlay] = []
        for index in detections.indices where !options.hidden.contains(index) {
            let detection = detections[index], color = colors[index]
            let label = options.labels ? detection.label : nil
            let badge = options.numbers ? String(index + 1) : nil
            let emphasis: Overlay.Emphasis = selected == nil ? .normal : selected == index ? .selected : .dimmed
            if options.masks, let mask = detection.mask,
               let region = rect(x0: Double(mask.originX), y0: Double(mask.originY),
                                 x1: Double(mask.originX + mask.width), y1: Double(mask.originY + mask.height)) {
                overlays.append(Overlay(.mask(GrayImage(width: mask.width, height: mask.height, pixels: mask.values), in: region),
                                        color: color.rgba, emphasis: emphasis))
            }
            if let box = detection.box {
                if options.boxes, let area = rect(x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1) {
                    overlays.append(Overlay(.box(area), color: color.rgba, label: label, badge: badge, emphasis: emphasis, edge: color.edge))
                }
            } else if let point = detection.point {
                let (x, y) = unit(x: point.x, y: point.y)
                if (0...1).contains(x), (0...1).contains(y) {
                    overlays.append(Overlay(.point(UnitPoint(x: x, y: y)), color: color.rgba, label: label, badge: badge,
                                            emphasis: emphasis, edge: color.edge))
                }
            }
        }
        return overlays
    }
}

extension StoredDetection {
    /// The detection as shown: with its review's new label and a person's edited box.
    public var shown: Detection {
        var detection = self.detection
        detection.label = effectiveLabel
        detection.box = effectiveBox
        return detection
    }
}
