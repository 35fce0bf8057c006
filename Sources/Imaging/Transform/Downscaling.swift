/// How a picture is brought down to the size it is shown at: which filter, and how much larger than that
/// size a JPEG is decoded (libjpeg's n/8 scales) before the filter runs.
public struct Downscaling: Sendable, Hashable {
    /// The filter from the reduced-size decode to the wanted size.
    public var filter: ResampleFilter
    /// A JPEG is decoded at the smallest n/8 scale that is at least this many times the wanted size.
    /// libjpeg's reduced decode is close to a block average; decoding a little larger leaves the filter
    /// detail to work with.
    public var jpegOversampling: Double

    public init(filter: ResampleFilter, jpegOversampling: Double) {
        self.filter = filter
        self.jpegOversampling = max(1, jpegOversampling)
    }

    /// Lanczos-3 from the smallest decode that covers the wanted size: previews, prepared uploads.
    public static let standard = Downscaling(filter: .lanczos3, jpegOversampling: 1)

    /// For a picture looked at closely (`squint view`): from a 1/4 decode of a 6000×4000 photo even a
    /// Lanczos resample to 1200×800 is only 37.7 dB from a Lanczos downscale of the full image, which costs
    /// a sixel 1.4 dB; from the 3/8 decode this picks, Catmull-Rom gives 50.6 dB, for little more time:
    /// entropy decoding dominates either way.
    public static let detailed = Downscaling(filter: .catmullRom, jpegOversampling: 1.5)

    /// The size to ask a JPEG decoder to cover for a `wanted` result.
    func jpegDecodeTarget(for wanted: PixelSize) -> PixelSize {
        PixelSize(width: Int((Double(wanted.width) * jpegOversampling).rounded(.up)),
                  height: Int((Double(wanted.height) * jpegOversampling).rounded(.up)))
    }
}
