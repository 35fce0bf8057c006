import Imaging

/// The size an image is sent at for a spatial task.
///
/// Why downscaling is safe: Gemini answers in coordinates normalized to 0–1000 of the image it saw, so the
/// same numbers map back onto the upright original at any scale — as long as the aspect ratio is kept and
/// the image is oriented (EXIF) before sending, which is why orientation is applied first.
public enum SpatialImagePlan {
    /// `upright` scaled so its longest side is at most `maxSide`, aspect ratio kept, never enlarged.
    public static func sentSize(for upright: PixelSize, maxSide: Int) -> PixelSize {
        let longest = max(upright.width, upright.height)
        guard maxSide > 0, longest > maxSide else { return upright }
        let scale = Double(maxSide) / Double(longest)
        return PixelSize(width: max(1, Int((Double(upright.width) * scale).rounded())),
                         height: max(1, Int((Double(upright.height) * scale).rounded())))
    }
}
