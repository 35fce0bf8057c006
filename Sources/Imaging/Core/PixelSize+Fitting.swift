extension PixelSize {
    /// The largest size with this aspect ratio that fits inside `box` (may be larger than `self`).
    ///
    /// Each side is at least 1 pixel, so a 10000x1 strip still fits somewhere, and a box with a zero or
    /// negative side (a terminal resized to nothing) counts as 1 pixel there rather than producing an
    /// empty size that nothing can be resampled to. Only an empty `self` gives 0x0.
    public func fitting(into box: PixelSize) -> PixelSize {
        guard width > 0, height > 0 else { return PixelSize(width: 0, height: 0) }
        let box = PixelSize(width: max(1, box.width), height: max(1, box.height))
        let scale = min(Double(box.width) / Double(width), Double(box.height) / Double(height))
        return PixelSize(
            width: min(box.width, max(1, Int((Double(width) * scale).rounded()))),
            height: min(box.height, max(1, Int((Double(height) * scale).rounded())))
        )
    }

    /// `fitting(into:)`, but never larger than `self`: decoding for a preview never enlarges.
    public func shrunk(toFit box: PixelSize) -> PixelSize {
        if width <= box.width && height <= box.height { return self }
        return fitting(into: box)
    }

    /// Whether both sides are at least `other`'s.
    public func covers(_ other: PixelSize) -> Bool { width >= other.width && height >= other.height }

    /// Width and height swapped.
    public var transposed: PixelSize { PixelSize(width: height, height: width) }
}
