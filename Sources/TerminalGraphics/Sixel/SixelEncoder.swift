import Dispatch
import Foundation
import Imaging

/// Turns a bitmap into a DEC sixel image: palette, optional light dithering, 6-row bands with
/// run-length compression.
///
/// Written for speed and for size: a 1200×800 photo is quantised and encoded in a few tens of
/// milliseconds, and each colour in a band is written only between its first and last column, so
/// the output stays well below tmux's 1 MB input buffer where chafa's runs over 2 MB.
public struct SixelEncoder: Sendable {
    /// How colours that fall between two palette entries are spread.
    public enum Dithering: Sendable, Hashable {
        /// Each pixel takes its nearest colour, or its neighbour's when that is within `coherence`.
        case none
        /// Serpentine Floyd–Steinberg with the error scaled by `strength` (0...1): a little breaks up
        /// banding in skies without the grain (and the bytes) full diffusion costs.
        case floydSteinberg(strength: Float)
    }

    /// Palette size, 2...256 (sixel terminals offer at most 256 registers, many exactly 256).
    public var maxColors: Int

    /// The default palette size and coherence: on a 1200×800 photo 128 colours with coherence 80 give
    /// about 33.7 dB PSNR in 1.44 MB, where 256 colours need 2.2 MB for 35.7 dB. The size is what a
    /// person over SSH or in tmux (1 MB input buffer) notices; the 2 dB mostly are not.
    public static let defaultColors = 128
    public static let defaultCoherence: Int32 = 80
    public var dithering: Dithering
    /// Transparent pixels are flattened onto this colour.
    public var background: RGB
    /// How much worse (squared RGB distance) the colour of the pixel to the left or above may be than
    /// the nearest one and still be kept. Longer runs and fewer colours per band make the sixel much
    /// smaller for a small loss in PSNR; 0 maps every pixel to its nearest colour.
    public var coherence: Int32

    public init(
        maxColors: Int = SixelEncoder.defaultColors, dithering: Dithering = .none, background: RGB = .black,
        coherence: Int32 = SixelEncoder.defaultCoherence
    ) {
        self.maxColors = min(256, max(2, maxColors))
        self.coherence = max(0, coherence)
        self.dithering = dithering
        self.background = background
    }

    /// The complete sixel sequence, `ESC P ... ESC \`, for `bitmap` at its own pixel size.
    public func encode(_ bitmap: Bitmap) -> [UInt8] {
        let width = bitmap.width, height = bitmap.height
        guard width > 0, height > 0 else { return [] }
        let quantized = quantize(bitmap)
        return Self.encodeBands(indices: quantized.indices, width: width, height: height, palette: quantized.palette)
    }

    /// Palette (as the terminal will show it) and one palette index per pixel.
    func quantize(_ bitmap: Bitmap) -> (palette: [RGB], indices: [UInt8]) {
        let count = bitmap.width * bitmap.height
        return bitmap.pixels.withUnsafeBufferPointer { pixels in
            let bins = PaletteQuantizer.histogram(pixels, pixelCount: count, background: background)
            let centres = PaletteQuantizer.palette(for: bins, maxColors: maxColors)
            let palette = centres.map { Self.roundedToPercent($0) }
            var indices = [UInt8](repeating: 0, count: count)
            indices.withUnsafeMutableBufferPointer { indices in
                switch dithering {
                case .none:
                    // Strips of whole bands map independently (coherence looks left and up within a
                    // band only), each with its own lookup table: no shared mutable state.
                    let width = bitmap.width, tolerance = coherence, background = background
                    Self.bandStrips(width: bitmap.width, height: bitmap.height).forEach { _, rows in
                        let lookup = PaletteLookup(colours: palette)
                        Self.mapCoherently(pixels, width: width, rows: rows, tolerance: tolerance,
                                           background: background, lookup: lookup, into: indices)
                    }
                case .floydSteinberg(let strength):
                    let lookup = PaletteLookup(colours: palette)
                    Self.diffuse(pixels, width: bitmap.width, height: bitmap.height, strength: strength,
                                 background: background, lookup: lookup, into: indices)
                }
            }
            return (palette, indices)
        }
    }

    /// Sixel colours are percentages; the palette is rounded to them before mapping so pixels are
    /// matched against the colours the terminal will really show.
    static func roundedToPercent(_ colour: SIMD3<Float>) -> RGB {
        func channel(_ value: Float) -> UInt8 {
            let percent = (min(255, max(0, value)) * 100 / 255).rounded()
            return UInt8((percent * 255 / 100).rounded())
        }
        return RGB(channel(colour.x), channel(colour.y), channel(colour.z))
    }

    static func percent(_ value: UInt8) -> Int { (Int(value) * 100 + 127) / 255 }

    /// The pixel at `index` with alpha flattened onto `background`.
    @inline(__always)
    static func flatten(_ pixels: UnsafeBufferPointer<UInt8>, _ index: Int, _ background: RGB) -> (UInt8, UInt8, UInt8) {
        let offset = index &* 4
        // One 32-bit load for the common opaque pixel (RGBA in memory order: red is the low byte).
        let word = UInt32(littleEndian: UnsafeRawPointer(pixels.baseAddress! + offset).loadUnaligned(as: UInt32.self))
        if word >= 0xFF00_0000 {
            return (UInt8(truncatingIfNeeded: word), UInt8(truncatingIfNeeded: word >> 8), UInt8(truncatingIfNeeded: word >> 16))
        }
        let alpha = pixels[offset + 3]
        let a = UInt32(alpha), inverse = 255 - UInt32(alpha)
        return (UInt8((UInt32(pixels[offset]) * a + UInt32(background.r) * inverse + 127) / 255),
                UInt8((UInt32(pixels[offset + 1]) * a + UInt32(background.g) * inverse + 127) / 255),
                UInt8((UInt32(pixels[offset + 2]) * a + UInt32(background.b) * inverse + 127) / 255))
    }

    /// Nearest colours, except that the left or upper neighbour's colour is kept when it is within
    /// `tolerance` of the nearest: the eye does not see the difference, the run-length coder does.
    private static func mapCoherently(
        _ pixels: UnsafeBufferPointer<UInt8>, width: Int, rows: Range<Int>, tolerance: Int32, background: RGB,
        lookup: borrowing PaletteLookup, into indices: UnsafeMutableBufferPointer<UInt8>
    ) {
        for y in rows {
            let rowStart = y * width
            // Within a sixel band the row above shares the band; across bands it buys nothing.
            let useAbove = y % 6 != 0
            for x in 0..<width {
                let index = rowStart + x
                let (r, g, b) = flatten(pixels, index, background)
                // Fast path: the left neighbour's colour within the tolerance is acceptable whatever
                // the nearest colour is, so neither the table nor the other distances are needed.
                if x > 0 && tolerance > 0 {
                    let left = Int(indices[index - 1])
                    if lookup.distance(left, r, g, b) <= tolerance {
                        indices[index] = UInt8(truncatingIfNeeded: left)
                        continue
                    }
                }
                var chosen = lookup.nearest(r, g, b)
                if tolerance > 0 {
                    let limit = lookup.distance(chosen, r, g, b) + tolerance
                    if x > 0 {
                        let left = Int(indices[index - 1])
                        if left != chosen && lookup.distance(left, r, g, b) <= limit { chosen = left }
                    }
                    if useAbove {
                        let above = Int(indices[index - width])
                        if above != chosen && lookup.distance(above, r, g, b) <= limit { chosen = above }
                    }
                }
                indices[index] = UInt8(truncatingIfNeeded: chosen)
            }
        }
    }

    /// Strips of whole 6-row bands, one per core up to four; one for small images, where starting threads
    /// costs more than it saves.
    static func bandStrips(width: Int, height: Int) -> RowStrips {
        RowStrips(rows: height, alignment: 6, work: width * height * 4, maxStrips: 4)
    }

    /// Serpentine Floyd–Steinberg at reduced strength, errors kept in 1/16ths of a level.
    private static func diffuse(
        _ pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int, strength: Float, background: RGB,
        lookup: borrowing PaletteLookup, into indices: UnsafeMutableBufferPointer<UInt8>
    ) {
        let scale = Int32((min(1, max(0, strength)) * 256).rounded())
        let rowLength = (width + 2) * 3
        let current = UnsafeMutablePointer<Int32>.allocate(capacity: rowLength)
        let next = UnsafeMutablePointer<Int32>.allocate(capacity: rowLength)
        defer { current.deallocate(); next.deallocate() }
        current.initialize(repeating: 0, count: rowLength)
        next.initialize(repeating: 0, count: rowLength)
        var errorsHere = current, errorsBelow = next
        for y in 0..<height {
            let leftToRight = y & 1 == 0
            var x = leftToRight ? 0 : width - 1
            let step = leftToRight ? 1 : -1
            for _ in 0..<width {
                let index = y * width + x
                let (r0, g0, b0) = flatten(pixels, index, background)
                let slot = (x + 1) * 3
                let r = min(255, max(0, Int32(r0) + (errorsHere[slot] + 8) >> 4))
                let g = min(255, max(0, Int32(g0) + (errorsHere[slot + 1] + 8) >> 4))
                let b = min(255, max(0, Int32(b0) + (errorsHere[slot + 2] + 8) >> 4))
                let chosen = lookup.nearest(UInt8(r), UInt8(g), UInt8(b))
                indices[index] = UInt8(truncatingIfNeeded: chosen)
                let (pr, pg, pb) = lookup.colour(chosen)
                let ahead = slot + step * 3, behind = slot - step * 3
                // 7/16 ahead, 3/16 behind-below, 5/16 below, 1/16 ahead-below, in 1/16ths of a level.
                @inline(__always) func spread(_ channel: Int, _ error: Int32) {
                    errorsHere[ahead + channel] += error &* 7 >> 4
                    errorsBelow[behind + channel] += error &* 3 >> 4
                    errorsBelow[slot + channel] += error &* 5 >> 4
                    errorsBelow[ahead + channel] += error >> 4
                }
                spread(0, (r - pr) &* scale >> 4)
                spread(1, (g - pg) &* scale >> 4)
                spread(2, (b - pb) &* scale >> 4)
                x += step
            }
            swap(&errorsHere, &errorsBelow)
            errorsBelow.update(repeating: 0, count: rowLength)
        }
    }
}
