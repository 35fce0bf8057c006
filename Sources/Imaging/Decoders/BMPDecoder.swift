/// Windows bitmaps, written here (no library needed): 1/4/8-bit palettes, 16-bit 5-5-5, 24-bit, 32-bit BGRX,
/// BI_BITFIELDS / BI_ALPHABITFIELDS masks (5-6-5, 8-8-8-8 with alpha…), RLE8 and RLE4, bottom-up and
/// top-down rows, and every DIB header from OS/2's 12 bytes to BITMAPV5HEADER.
///
/// Like Pillow and libjpeg-less viewers, a 32-bit BI_RGB pixel's fourth byte is padding (opaque), alpha only
/// comes from an alpha mask; pixels an RLE image skips are palette entry 0.
struct BMPDecoder: ImageDecoder {
    func info(_ bytes: UnsafeRawBufferPointer) throws -> ImageInfo {
        let header = try BMPHeader(bytes)
        return ImageInfo(format: .bmp, storedSize: PixelSize(width: header.width, height: header.height),
                         orientation: .up, hasAlpha: header.hasAlpha)
    }

    func decode(_ bytes: UnsafeRawBufferPointer, target: PixelSize?, budget: PixelBudget) throws -> Bitmap {
        let header = try BMPHeader(bytes)
        let size = PixelSize(width: header.width, height: header.height)
        try budget.check(size)
        let pixels = UnsafeRawBufferPointer(rebasing: bytes[header.pixelOffset...])
        switch header.compression {
        case .rle8, .rle4:
            return try Self.decodeRLE(pixels, header: header)
        case .rgb, .bitfields:
            // Short pixel data is truncation, not a picture with a made-up rest.
            let (needed, overflow) = header.stride.multipliedReportingOverflow(by: header.height)
            guard !overflow, pixels.count >= needed - (header.stride - (header.bitsPerPixel * header.width + 7) / 8) else {
                throw DecodeFailure(.truncated, "not a complete BMP (the pixels end after \(pixels.count) of \(needed) bytes)")
            }
            return Bitmap(width: size.width, height: size.height) { buffer in
                for row in 0..<header.height {
                    let stored = header.topDown ? row : header.height - 1 - row
                    let source = UnsafeRawBufferPointer(rebasing: pixels[(stored * header.stride)...])
                    Self.unpack(row: source, header: header, into: buffer.baseAddress! + row * header.width * 4)
                }
            }
        }
    }

    /// One stored row to RGBA.
    private static func unpack(row: UnsafeRawBufferPointer, header: BMPHeader, into out: UnsafeMutablePointer<UInt8>) {
        let width = header.width
        switch header.bitsPerPixel {
        case 1, 4, 8:
            let bits = header.bitsPerPixel, perByte = 8 / bits, mask = (1 << bits) - 1
            header.palette.withUnsafeBufferPointer { palette in
                for x in 0..<width {
                    let byte = Int(row[x / perByte])
                    let index = byte >> ((perByte - 1 - x % perByte) * bits) & mask
                    let colour = palette[index]
                    out[x * 4] = colour.r; out[x * 4 + 1] = colour.g; out[x * 4 + 2] = colour.b; out[x * 4 + 3] = 255
                }
            }
        case 24:
            for x in 0..<width {
                out[x * 4] = row[x * 3 + 2]; out[x * 4 + 1] = row[x * 3 + 1]; out[x * 4 + 2] = row[x * 3]; out[x * 4 + 3] = 255
            }
        case 32 where header.masks == BMPHeader.Masks(red: 0xFF_0000, green: 0xFF00, blue: 0xFF, alpha: 0):
            for x in 0..<width {
                out[x * 4] = row[x * 4 + 2]; out[x * 4 + 1] = row[x * 4 + 1]; out[x * 4 + 2] = row[x * 4]; out[x * 4 + 3] = 255
            }
        default:
            let channels = [header.masks.red, header.masks.green, header.masks.blue].map(Channel.init)
            let alpha = header.masks.alpha == 0 ? nil : Channel(header.masks.alpha)
            let wide = header.bitsPerPixel == 32
            for x in 0..<width {
                let value = wide ? BMPHeader.u32(row, x * 4) : UInt32(BMPHeader.u16(row, x * 2))
                out[x * 4] = channels[0].level(value)
                out[x * 4 + 1] = channels[1].level(value)
                out[x * 4 + 2] = channels[2].level(value)
                out[x * 4 + 3] = alpha?.level(value) ?? 255
            }
        }
    }

    /// One colour mask: the bits are shifted down and scaled to 0...255.
    private struct Channel {
        let shift: UInt32
        let maximum: UInt32
        let mask: UInt32

        init(_ mask: UInt32) {
            self.mask = mask
            shift = mask == 0 ? 0 : UInt32(mask.trailingZeroBitCount)
            maximum = mask >> shift
        }

        func level(_ pixel: UInt32) -> UInt8 {
            guard maximum > 0 else { return 0 }
            let value = (pixel & mask) >> shift
            return maximum == 255 ? UInt8(value) : UInt8((UInt64(value) * 255 + UInt64(maximum) / 2) / UInt64(maximum))
        }
    }

    /// RLE8 / RLE4: runs and literal stretches of palette indices, bottom-up, with end-of-line, end-of-bitmap
    /// and skip escapes. A stream that ends without its end-of-bitmap escape is truncated.
    private static func decodeRLE(_ data: UnsafeRawBufferPointer, header: BMPHeader) throws -> Bitmap {
        let width = header.width, height = header.height, four = header.compression == .rle4
        var indices = [UInt8](repeating: 0, count: width * height)
        var x = 0, y = 0, at = 0
        func put(_ index: UInt8) {
            if x < width && y < height { indices[(height - 1 - y) * width + x] = index }
            x += 1
        }
        var ended = false
        while at + 1 < data.count {
            let count = Int(data[at]), value = data[at + 1]
            at += 2
            if count > 0 {
                for i in 0..<count { put(four ? (i % 2 == 0 ? value >> 4 : value & 0x0F) : value) }
                continue
            }
            switch value {
            case 0:
                x = 0; y += 1
            case 1:
                ended = true
            case 2:
                guard at + 1 < data.count else { break }
                x += Int(data[at]); y += Int(data[at + 1])
                at += 2
            default:
                let literal = Int(value), byteCount = four ? (literal + 1) / 2 : literal
                guard at + byteCount <= data.count else { at = data.count; break }
                for i in 0..<literal {
                    let byte = data[at + (four ? i / 2 : i)]
                    put(four ? (i % 2 == 0 ? byte >> 4 : byte & 0x0F) : byte)
                }
                at += byteCount + byteCount % 2
            }
            if ended || y >= height { break }
        }
        if !ended && y < height {
            throw DecodeFailure(.truncated, "not a complete BMP (the RLE data ends at row \(y + 1) of \(height))")
        }
        return Bitmap(width: width, height: height) { buffer in
            header.palette.withUnsafeBufferPointer { palette in
                for (pixel, index) in indices.enumerated() {
                    let colour = palette[Int(index)]
                    buffer[pixel * 4] = colour.r; buffer[pixel * 4 + 1] = colour.g; buffer[pixel * 4 + 2] = colour.b
                    buffer[pixel * 4 + 3] = 255
                }
            }
        }
    }
}
