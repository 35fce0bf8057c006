#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File names that are not valid UTF-8 (a Latin-1 `caf\xE9.jpg` from an old camera or a Windows share), carried
/// in an ordinary `String` so every path in Squint can stay a `String`.
///
/// A Linux file name is bytes. Swift strings hold Unicode only, so each byte that is not part of valid UTF-8
/// becomes one private-use scalar, U+10FF00 + byte (U+10FF80…U+10FFFF), the way Python's "surrogateescape"
/// keeps such names; `bytes(of:)` turns them back into the same bytes for `open`/`stat`. A valid name that
/// itself contains one of those 128 scalars has their UTF-8 bytes escaped too, so the mapping stays one-to-one.
/// The escaped scalars never reach a terminal: `TerminalSanitizer` shows them as `\xE9`, like `displayName`.
///
/// Lives in Imaging, the lowest target every front end shares, because the image reader is the first place
/// that opens such a path.
public enum FileSystemName {
    /// The first escape scalar's value minus 0x80: byte `b` (0x80…0xFF) is scalar `base + b`.
    static let base: UInt32 = 0x10FF00
    public static let escapes: ClosedRange<UInt32> = (base + 0x80)...(base + 0xFF)

    /// A name (or path) from the file system's bytes: valid UTF-8 as it is, every other byte escaped.
    public static func string<Bytes: Collection<UInt8>>(fromFileSystem bytes: Bytes) -> String where Bytes.Index == Int {
        // The common case: plain ASCII.
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if let (scalar, length) = scalar(in: bytes, at: index), !escapes.contains(scalar.value) {
                scalars.append(scalar)
                index += length
            } else {
                scalars.append(Unicode.Scalar(base + UInt32(bytes[index]))!)
                index += 1
            }
        }
        return String(scalars)
    }

    /// The bytes to hand to the file system for `path`: UTF-8, with escaped bytes restored. No NUL at the end.
    public static func bytes(of path: String) -> [UInt8] {
        guard path.unicodeScalars.contains(where: { escapes.contains($0.value) }) else { return Array(path.utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for scalar in path.unicodeScalars {
            if escapes.contains(scalar.value) {
                out.append(UInt8(scalar.value - base))
            } else {
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        return out
    }

    /// Calls `body` with `path` as a NUL-terminated C string of its file system bytes.
    public static func withCString<T>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
        var bytes = bytes(of: path).map { CChar(bitPattern: $0) }
        bytes.append(0)
        return try body(bytes)
    }

    /// True when `name` holds bytes that are not UTF-8.
    public static func hasEscapedBytes(_ name: String) -> Bool {
        name.unicodeScalars.contains { escapes.contains($0.value) }
    }

    /// `name` as a person reads it: each byte that is not UTF-8 as `\xE9`.
    public static func displayName(_ name: String) -> String {
        guard hasEscapedBytes(name) else { return name }
        var out = ""
        for scalar in name.unicodeScalars {
            if escapes.contains(scalar.value) {
                out += "\\x" + String(UInt8(scalar.value - base), radix: 16, uppercase: true)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The scalar of the well-formed UTF-8 sequence at `index`, and its length; nil when the bytes there are
    /// not one (stray continuation, overlong form, surrogate, beyond U+10FFFF, cut short).
    private static func scalar<Bytes: Collection<UInt8>>(in bytes: Bytes, at index: Int) -> (Unicode.Scalar, Int)? where Bytes.Index == Int {
        let lead = bytes[index]
        let length: Int, initial: UInt32, lowest: UInt32
        switch lead {
        case 0x00...0x7F: return (Unicode.Scalar(lead), 1)
        case 0xC2...0xDF: (length, initial, lowest) = (2, UInt32(lead & 0x1F), 0x80)
        case 0xE0...0xEF: (length, initial, lowest) = (3, UInt32(lead & 0x0F), 0x800)
        case 0xF0...0xF4: (length, initial, lowest) = (4, UInt32(lead & 0x07), 0x10000)
        default: return nil
        }
        guard index + length <= bytes.endIndex else { return nil }
        var value = initial
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= lowest, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
