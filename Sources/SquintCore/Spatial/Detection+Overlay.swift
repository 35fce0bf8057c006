import Imaging

extension Detection {
    /// The overlays that draw `detections` over their image (any size of it: geometry is in unit coordinates).
    /// Colours follow labels, so every "cupcake" is drawn alike; masks keep their box-sized plane.
    public static func overlays(for detections: [Detection], imageSize: PixelSize, palette: OverlayPalette = .standard) -> [Overlay] {
        let width = Double(max(imageSize.width, 1)), height = Double(max(imageSize.height, 1))
        let colors = palette.colors(forLabels: detections.map(\.label))
        var overlays: [Overlay] = []
        for detection in detections {
            let color = colors[detection.label] ?? palette.color(at: 0)
            if let mask = detection.mask {
                let region = UnitRect(minX: Double(mask.originX) / width, minY: Double(mask.originY) / height,
                                      maxX: Double(mask.originX + mask.width) / width, maxY: Double(mask.originY + mask.height) / height)
                overlays.append(.mask(GrayImage(width: mask.width, height: mask.height, pixels: mask.values), in: region, color: color))
            }
            if let box = detection.box {
                let rect = UnitRect(minX: box.x0 / width, minY: box.y0 / height, maxX: box.x1 / width, maxY: box.y1 / height)
                overlays.append(.box(rect, color: color, label: detection.label))
            } else if let point = detection.point {
                overlays.append(.point(UnitPoint(x: point.x / width, y: point.y / height), color: color, label: detection.label))
            }
        }
        return overlays
    }
}
