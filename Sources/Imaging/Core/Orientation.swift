/// The EXIF Orientation values: how the stored pixels must be transformed to show the picture upright.
///
/// Cameras save the sensor's rows as they come and record the rotation in this tag instead of rotating
/// the pixels; every viewer that ignores it shows portraits sideways.
public enum Orientation: Int, Sendable, Hashable, CaseIterable {
    /// 1: stored upright.
    case up = 1
    /// 2: mirrored left-right.
    case upMirrored = 2
    /// 3: rotated 180°.
    case down = 3
    /// 4: mirrored top-bottom.
    case downMirrored = 4
    /// 5: mirrored along the main diagonal (transpose).
    case leftMirrored = 5
    /// 6: must be rotated 90° clockwise to be upright.
    case right = 6
    /// 7: mirrored along the anti-diagonal (transverse).
    case rightMirrored = 7
    /// 8: must be rotated 90° counter-clockwise to be upright.
    case left = 8

    /// Whether showing the picture upright swaps width and height.
    public var swapsAxes: Bool { rawValue >= 5 }

    /// The upright size of a picture stored at `stored` with this orientation.
    public func uprightSize(of stored: PixelSize) -> PixelSize {
        swapsAxes ? PixelSize(width: stored.height, height: stored.width) : stored
    }
}
