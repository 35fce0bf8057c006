/// The headers of a Windows bitmap: the 14-byte file header, then one of the DIB headers (OS/2 core 12 bytes,
/// BITMAPINFOHEADER 40, its v2/v3 extensions 52/56, BITMAPV4HEADER 108, BITMAPV5HEADER 124), the colour masks
/// and the palette.
///
/// Everything is checked against the file's length here, so the pixel loops can index without bounds worries.
struct BMPHeader {
    enum Compression: Equatable {
        case rgb, rle8, rle4, bitfields
    }

    /// Where each channel sits in a 16- or 32-bit pixel; a zero alpha mask means opaque.
    struct Masks: Equatable {
        var red: UInt32, green: UInt32, blue: UInt32, alpha: UInt32
    }

    var width: Int
    var height: Int
    /// Rows are stored bottom-up unless the header's height is negative.
    var topDown: Bool
    var bitsPerPixel: Int
    var compression: Compression
    var masks: Masks
    /// Opaque RGB entries, in palette order (1, 4 and 8-bit images).
    var palette: [RGBA]
    var pixelOffset: Int

    /// The bytes of one stored row, padded to four bytes.
    var stride: Int { (bitsPerPixel * width + 31) / 32 * 4 }

    var hasAlpha: Bool { masks.alpha != 0 && (bitsPerPixel == 16 || bitsPerPixel == 32) }

    static let fileHeaderSize = 14
    static let knownDIBSizes: Set<Int> = [12, 40, 52, 56, 108, 124]

    init(_ bytes: UnsafeRawBufferPointer) throws(DecodeFailure) {
        guard bytes.count >= Self.fileHeaderSize + 4 else { throw DecodeFailure(.truncated, "not a complete BMP (the header is cut short)") }
        let dibSize = Int(Self.u32(bytes, 14))
        guard Self.knownDIBSizes.contains(dibSize) else {
            throw DecodeFailure(.unsupported, "uses a BMP header of \(dibSize) bytes, which is not supported")
        }
        guard bytes.count >= Self.fileHeaderSize + dibSize else { throw DecodeFailure(.truncated, "not a complete BMP (the header is cut short)") }
        pixelOffset = Int(Self.u32(bytes, 10))
        let dib = Self.fileHeaderSize
        let compressionCode: UInt32
        var colorsUsed = 0
        if dibSize == 12 {
            width = Int(Self.u16(bytes, dib + 4))
            height = Int(Self.u16(bytes, dib + 6))
            topDown = false
            bitsPerPixel = Int(Self.u16(bytes, dib + 10))
            compressionCode = 0
        } else {
            width = Int(Int32(bitPattern: Self.u32(bytes, dib + 4)))
            let storedHeight = Int(Int32(bitPattern: Self.u32(bytes, dib + 8)))
            topDown = storedHeight < 0
            height = abs(storedHeight)
            bitsPerPixel = Int(Self.u16(bytes, dib + 14))
            compressionCode = Self.u32(bytes, dib + 16)
            colorsUsed = Int(Self.u32(bytes, dib + 32))
        }
        guard width > 0, height > 0 else { throw DecodeFailure(.corrupt, "the header declares an empty \(width)x\(height) image") }
        guard [1, 4, 8, 16, 24, 32].contains(bitsPerPixel) else {
            throw DecodeFailure(.unsupported, "uses \(bitsPerPixel) bits per pixel, which BMP does not define")
        }

        // Masks: BI_BITFIELDS (3) and BI_ALPHABITFIELDS (6) carry them right after a 40-byte header, or inside a
        // v2 and larger header; without them 16-bit pixels are 5-5-5 and 32-bit ones are BGRX.
        var masksAt = dib + 40
        switch compressionCode {
        case 0:
            compression = .rgb
        case 1 where bitsPerPixel == 8:
            compression = .rle8
        case 2 where bitsPerPixel == 4:
            compression = .rle4
        case 3 where bitsPerPixel == 16 || bitsPerPixel == 32, 6 where bitsPerPixel == 16 || bitsPerPixel == 32:
            compression = .bitfields
        case 4, 5:
            throw DecodeFailure(.unsupported, "holds an embedded \(compressionCode == 4 ? "JPEG" : "PNG"), which BMP decoding does not support")
        default:
            throw DecodeFailure(.unsupported, "uses BMP compression \(compressionCode) with \(bitsPerPixel) bits per pixel, which is not supported")
        }
        switch (compression, bitsPerPixel) {
        case (.bitfields, _):
            let count = compressionCode == 6 || dibSize >= 56 ? 4 : 3
            guard bytes.count >= masksAt + count * 4 else { throw DecodeFailure(.truncated, "not a complete BMP (the colour masks are cut short)") }
            masks = Masks(red: Self.u32(bytes, masksAt), green: Self.u32(bytes, masksAt + 4), blue: Self.u32(bytes, masksAt + 8),
                          alpha: count == 4 ? Self.u32(bytes, masksAt + 12) : 0)
            for mask in [masks.red, masks.green, masks.blue, masks.alpha] where mask != 0 {
                // A mask must be one run of set bits: that is what every writer produces.
                let shifted = mask >> UInt32(mask.trailingZeroBitCount)
                guard shifted & (shifted &+ 1) == 0 else { throw DecodeFailure(.corrupt, "not a valid BMP (a colour mask is not contiguous)") }
            }
            if dibSize == 40 { masksAt += (compressionCode == 6 ? 16 : 12) }
        case (_, 16):
            masks = Masks(red: 0x7C00, green: 0x03E0, blue: 0x001F, alpha: 0)
        case (_, 24), (_, 32):
            masks = Masks(red: 0xFF_0000, green: 0xFF00, blue: 0xFF, alpha: 0)
        default:
            masks = Masks(red: 0, green: 0, blue: 0, alpha: 0)
        }

        palette = []
        if bitsPerPixel <= 8 {
            let entrySize = dibSize == 12 ? 3 : 4
            let start = dibSize == 40 ? masksAt : dib + dibSize
            let maximum = 1 << bitsPerPixel
            var count = colorsUsed == 0 || colorsUsed > maximum ? maximum : colorsUsed
            // Some writers declare more entries than fit before the pixels: take what is there.
            count = min(count, max(0, (min(pixelOffset, bytes.count) - start) / entrySize))
            guard count > 0 else { throw DecodeFailure(.corrupt, "not a valid BMP (a \(bitsPerPixel)-bit image without a palette)") }
            palette.reserveCapacity(maximum)
            for index in 0..<count {
                let at = start + index * entrySize
                palette.append(RGBA(bytes[at + 2], bytes[at + 1], bytes[at]))
            }
            // Indices past the palette's end are black, as in other decoders.
            while palette.count < maximum { palette.append(RGBA(0, 0, 0)) }
        }
        guard pixelOffset >= Self.fileHeaderSize + dibSize, pixelOffset <= bytes.count else {
            throw pixelOffset > bytes.count
                ? DecodeFailure(.truncated, "not a complete BMP (the file ends before the pixels)")
                : DecodeFailure(.corrupt, "not a valid BMP (the pixels start inside the header)")
        }
    }

    static func u16(_ bytes: UnsafeRawBufferPointer, _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    static func u32(_ bytes: UnsafeRawBufferPointer, _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
