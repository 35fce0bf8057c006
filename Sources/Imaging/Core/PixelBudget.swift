/// The most pixels Squint will allocate for one decoded image.
///
/// Checked against the dimensions in the header before any pixel buffer exists, so a 100000x100000
/// "decompression bomb" costs a few kilobytes of header parsing, not 40 GB.
public struct PixelBudget: Sendable, Hashable, CustomStringConvertible {
    public var maxPixels: Int

    public init(maxPixels: Int) {
        precondition(maxPixels > 0, "a pixel budget must be positive")
        self.maxPixels = maxPixels
    }

    /// 100 megapixels: above any camera in common use, and 400 MB of RGBA at most.
    public static let `default` = PixelBudget(maxPixels: 100_000_000)

    public init(megapixels: Double) {
        self.init(maxPixels: Int(megapixels * 1_000_000))
    }

    public func admits(_ size: PixelSize) -> Bool {
        size.width > 0 && size.height > 0 && size.width.multipliedReportingOverflow(by: size.height).partialValue <= maxPixels
            && !size.width.multipliedReportingOverflow(by: size.height).overflow
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
