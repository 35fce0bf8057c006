/// The most pixels Squint will allocate for one decoded image.
///
/// Checked against the dimensions in the header before any pixel buffer exists, so a 100000x100000
/// "decompression bomb" costs a few kilobytes of header parsing, not 40 GB.
public struct PixelBudget: Sendable, Hashable, CustomStringConvertible {
    public var maxPixels: Int

    /// Budgets come from configuration files, so nonsense is clamped, not trapped: at least 1 pixel.
    public init(maxPixels: Int) {
        self.maxPixels = max(1, maxPixels)
    }

    /// 100 megapixels: above any camera in common use, and 400 MB of RGBA at most.
    public static let `default` = PixelBudget(maxPixels: 100_000_000)

    /// `megapixels` × 1,000,000 pixels; NaN and values below one pixel become 1 pixel, huge values Int.max.
    public init(megapixels: Double) {
        let pixels = megapixels * 1_000_000
        self.init(maxPixels: pixels.isNaN ? 1 : (pixels >= Double(Int.max) ? Int.max : Int(max(1, pixels))))
    }

    public func admits(_ size: PixelSize) -> Bool {
        guard size.width > 0, size.height > 0 else { return false }
        let (count, overflow) = size.width.multipliedReportingOverflow(by: size.height)
        return !overflow && count <= maxPixels
    }

    public var description: String { "\(Self.megapixels(maxPixels)) MP" }

    static func megapixels(_ pixels: Int) -> String {
        let mp = Double(pixels) / 1_000_000
        return mp >= 10 ? String(Int(mp.rounded())) : String(Double(Int(mp * 10)) / 10)
    }

    /// Throws `tooLarge` (or `corrupt` for a zero-sized image) unless `size` fits.
    func check(_ size: PixelSize) throws(DecodeFailure) {
        guard size.width > 0, size.height > 0 else {
            throw DecodeFailure(.corrupt, "the header declares an empty \(size) image")
        }
        guard admits(size) else {
            let (count, overflow) = size.width.multipliedReportingOverflow(by: size.height)
            let amount = overflow ? "too many" : Self.megapixels(count)
            throw DecodeFailure(.tooLarge, "\(size) is \(amount) MP, above the \(self) limit; refused before decoding")
        }
    }
}
