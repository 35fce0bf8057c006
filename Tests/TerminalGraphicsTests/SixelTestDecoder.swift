import Imaging

/// A minimal sixel decoder for tests: enough of the format to check what our encoder writes,
/// independent of it (palette, `#`, `!`, `$`, `-`, raster attributes).
struct SixelTestDecoder {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func decode(_ bytes: [UInt8]) throws -> Bitmap {
        guard let q = bytes.firstIndex(of: UInt8(ascii: "q")), bytes.starts(with: [0x1B, UInt8(ascii: "P")]) else {
            throw Failure(description: "no DCS ... q introducer")
        }
        guard bytes.suffix(2) == [0x1B, UInt8(ascii: "\\")] else { throw Failure(description: "no ST at the end") }
        let body = Array(bytes[(q + 1)..<(bytes.count - 2)])
        var index = 0
        func number() -> Int {
            var value = 0
            while index < body.count, (48...57).contains(body[index]) {
                value = value * 10 + Int(body[index] - 48)
                index += 1
            }
            return value
        }
        func numbers() -> [Int] {
            var values = [number()]
            while index < body.count, body[index] == UInt8(ascii: ";") {
                index += 1
                values.append(number())
            }
            return values
        }
        guard body.first == UInt8(ascii: "\"") else { throw Failure(description: "no raster attributes") }
        index = 1
        let raster = numbers()
        guard raster.count == 4 else { throw Failure(description: "bad raster attributes") }
        let width = raster[2], height = raster[3]
        var palette = [Int: RGBA]()
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        var colour = 0, x = 0, bandTop = 0
        func paint(_ character: UInt8, _ count: Int) throws {
            guard (63...126).contains(character) else { throw Failure(description: "bad sixel character \(character)") }
            let bits = character - 63
            for _ in 0..<count {
                guard x < width else { throw Failure(description: "ran past the width at band \(bandTop)") }
                for row in 0..<6 where bits & (1 << row) != 0 {
                    let y = bandTop + row
                    guard y < height else { throw Failure(description: "painted below the height") }
                    guard let entry = palette[colour] else { throw Failure(description: "colour \(colour) not defined") }
                    let offset = (y * width + x) * 4
                    pixels[offset] = entry.r; pixels[offset + 1] = entry.g; pixels[offset + 2] = entry.b; pixels[offset + 3] = 255
                }
                x += 1
            }
        }
        while index < body.count {
            let byte = body[index]
            switch byte {
            case UInt8(ascii: "#"):
                index += 1
                let values = numbers()
                colour = values[0]
                if values.count == 5 {
                    guard values[1] == 2 else { throw Failure(description: "only RGB colours expected") }
                    func level(_ percent: Int) -> UInt8 { UInt8((percent * 255 + 50) / 100) }
                    palette[colour] = RGBA(level(values[2]), level(values[3]), level(values[4]))
                }
            case UInt8(ascii: "!"):
                index += 1
                let count = number()
                let character = body[index]
                index += 1
                try paint(character, count)
            case UInt8(ascii: "$"):
                x = 0; index += 1
            case UInt8(ascii: "-"):
                x = 0; bandTop += 6; index += 1
            default:
                try paint(byte, 1)
                index += 1
            }
        }
        return Bitmap(width: width, height: height, pixels: pixels)
    }
}
