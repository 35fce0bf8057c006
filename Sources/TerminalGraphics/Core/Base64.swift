/// Standard base64 with padding, straight into bytes: kitty and iTerm2 payloads are megabytes, and
/// going through `String` would double the work.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ input: [UInt8]) -> [UInt8] {
        let outputCount = (input.count + 2) / 3 * 4
        return [UInt8](unsafeUninitializedCapacity: outputCount) { output, initialized in
            alphabet.withUnsafeBufferPointer { table in
                input.withUnsafeBufferPointer { input in
                    var read = 0, write = 0
                    while read + 3 <= input.count {
                        let value = UInt32(input[read]) << 16 | UInt32(input[read + 1]) << 8 | UInt32(input[read + 2])
                        output[write] = table[Int(value >> 18)]
                        output[write + 1] = table[Int(value >> 12 & 63)]
                        output[write + 2] = table[Int(value >> 6 & 63)]
                        output[write + 3] = table[Int(value & 63)]
                        read += 3
                        write += 4
                    }
                    let remaining = input.count - read
                    if remaining > 0 {
                        let value = UInt32(input[read]) << 16 | (remaining == 2 ? UInt32(input[read + 1]) << 8 : 0)
                        output[write] = table[Int(value >> 18)]
                        output[write + 1] = table[Int(value >> 12 & 63)]
                        output[write + 2] = remaining == 2 ? table[Int(value >> 6 & 63)] : UInt8(ascii: "=")
                        output[write + 3] = UInt8(ascii: "=")
                        write += 4
                    }
                    initialized = write
                }
            }
        }
    }
}
