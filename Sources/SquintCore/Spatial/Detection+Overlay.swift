import Imaging

/// What a picture of detections shows: which parts, and which part of the image (zoom).
public struct DetectionOverlayOptions: Sendable, Equatable {
    public var boxes: Bool
    public var masks: Bool
    public var labels: Bool
    /// The part of the upright image the picture shows, in unit coordinates; `.full` unless zoomed.
    public var viewport: UnitRect
    /// The detection drawn on top and named (the one under review), by index.
    public var selected: Int?

    public init(boxes: Bool = true, masks: Bool = true, labels: Bool = true, viewport: UnitRect = .full, selected: Int? = nil) {
        self.boxes = boxes
        self.masks = masks
        self.labels = labels
        self.viewport = viewport
        self.selected = selected
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
        let colors = colors(forLabels: detections.map(\.label), palette: palette)
        var order = Array(detections.indices)
        if let selected = options.selected, order.contains(selected) {
            order.removeAll { $0 == selected }
            order.append(selected)  // drawn last: on top
        }
        var overlays: [Overlay] = []
        for index in order {
            let detection = detections[index], color = colors[index]
            let label = options.labels ? detection.label : nil
            if options.masks, let mask = detection.mask,
               let region = rect(x0: Double(mask.originX), y0: Double(mask.originY),
                                 x1: Double(mask.originX + mask.width), y1: Double(mask.originY + mask.height)) {
                overlays.append(.mask(GrayImage(width: mask.width, height: mask.height, pixels: mask.values), in: region, color: color))
            }
            if let box = detection.box {
                if options.boxes, let area = rect(x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1) {
                    overlays.append(.box(area, color: color, label: label))
                }
            } else if let point = detection.point {
                let (x, y) = unit(x: point.x, y: point.y)
                if (0...1).contains(x), (0...1).contains(y) { overlays.append(.point(UnitPoint(x: x, y: y), color: color, label: label)) }
            }
        }
        return overlays
    }
}

extension StoredDetection {
    /// The detection as shown: with its review's new label.
    public var shown: Detection {
        var detection = self.detection
        detection.label = effectiveLabel
        return detection
    }
}
