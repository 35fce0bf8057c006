extension MaskPlane {
    /// The mask with every pixel whose centre lies outside `box` cleared: the model's mask kept inside a box a
    /// person corrected, so an export's segmentation never reaches past its bbox.
    public func clipped(to box: PixelBox) -> MaskPlane {
        var kept = values
        for row in 0..<height {
            let y = Double(originY + row) + 0.5
            for column in 0..<width where kept[row * width + column] != 0 {
                let x = Double(originX + column) + 0.5
                if x < box.x0 || x > box.x1 || y < box.y0 || y > box.y1 { kept[row * width + column] = 0 }
            }
        }
        return MaskPlane(imageWidth: imageWidth, imageHeight: imageHeight, originX: originX, originY: originY,
                         width: width, height: height, values: kept)
    }

    /// The mask, or nil when it covers no pixel.
    public var nonEmpty: MaskPlane? { area > 0 ? self : nil }
}
