/// A compact, self-contained encoding of a `MaskPlane` for the store: the region's origin and size, then
/// alternating run lengths (zeros first) over the region in row-major order, each as a LEB128 varint.
///
/// Why not PNG: RLE needs no codec, is what COCO exports are made of, and Gemini masks are mostly long runs.
enum MaskRLE {
    static func encode(_ mask: MaskPlane) -> [UInt8] {
        var bytes: [UInt8] = []
        for value in [mask.imageWidth, mask.imageHeight, mask.originX, mask.originY, mask.width, mask.height] {
            appendVarint(value, to: &bytes)
        }
        var current: UInt8 = 0
        var run = 0
        for value in mask.values {
            let bit: UInt8 = value > 127 ? 255 : 0
            if bit == current {
                run += 1
            } else {
                appendVarint(run, to: &bytes)
                current = bit
                run = 1
            }
        }
        appendVarint(run, to: &bytes)
        return bytes
    }

    static func decode(_ bytes: [UInt8]) -> MaskPlane? {
        var index = 0
        var header: [Int] = []
        for _ in 0..<6 {
            guard let value = readVarint(bytes, &index) else { return nil }
            header.append(value)
        }
        let (imageWidth, imageHeight, originX, originY, width, height) = (header[0], header[1], header[2], header[3], header[4], header[5])
        guard originX + width <= imageWidth, originY + height <= imageHeight, width * height < 1 << 30 else { return nil }
        var values: [UInt8] = []
        values.reserveCapacity(width * height)
        var current: UInt8 = 0
        while index < bytes.count {
            guard let run = readVarint(bytes, &index), values.count + run <= width * height else { return nil }
            values.append(contentsOf: repeatElement(current, count: run))
            current = current == 0 ? 255 : 0
        }
        guard values.count == width * height else { return nil }
        return MaskPlane(imageWidth: imageWidth, imageHeight: imageHeight, originX: originX, originY: originY, width: width, height: height, values: values)
    }

    private static func appendVarint(_ value: Int, to bytes: inout [UInt8]) {
        var remaining = UInt64(value)
        repeat {
            var byte = UInt8(remaining & 0x7F)
            remaining >>= 7
            if remaining != 0 { byte |= 0x80 }
            bytes.append(byte)
        } while remaining != 0
    }

    private static func readVarint(_ bytes: [UInt8], _ index: inout Int) -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count, shift < 63 {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return Int(exactly: value) }
            shift += 7
        }
        return nil
    }
}
