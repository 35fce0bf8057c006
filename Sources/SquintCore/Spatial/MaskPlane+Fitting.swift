import Imaging

extension MaskPlane {
    /// A model's (or a file's) mask plane fitted to its box: resized like PIL's BILINEAR to the box's integer
    /// pixel region, thresholded at > 127, and placed there. Nil when the box covers no whole pixel.
    public init?(fitting plane: GrayImage, into box: PixelBox, imageSize: PixelSize) {
        let region = SpatialGeometry.maskRegion(for: box)
        guard plane.width > 0, plane.height > 0, region.width > 0, region.height > 0 else { return nil }
        let resized = plane.resizedBilinearLikePIL(width: region.width, height: region.height)
        self.init(imageWidth: imageSize.width, imageHeight: imageSize.height,
                  originX: region.x, originY: region.y, width: region.width, height: region.height,
                  values: resized.pixels.map { $0 > 127 ? 255 : 0 })
    }
}
