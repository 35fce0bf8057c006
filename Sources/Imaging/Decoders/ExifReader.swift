/// Reads the one EXIF field Squint needs, the Orientation (tag 0x0112 in IFD0), from a TIFF-structured block.
///
/// A hand-written reader of a few dozen bytes rather than a dependency: it never allocates, never reads
/// outside the buffer, and treats anything malformed as "no orientation".
enum ExifReader {
    /// The orientation in a TIFF block ("II*\0" or "MM\0*" first), or nil. A leading "Exif\0\0" (as some
    /// WebP and PNG writers copy it from JPEG) is skipped.
    static func orientation(tiff block: UnsafeRawBufferPointer) -> Orientation? {
        var tiff = block
        if tiff.count >= 6, tiff.prefix(6).elementsEqual([0x45, 0x78, 0x69, 0x66, 0, 0]) {
            tiff = UnsafeRawBufferPointer(rebasing: tiff[6...])
        }
        guard tiff.count >= 8 else { return nil }
        let little: Bool
        switch (tiff[0], tiff[1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return nil
        }
        func u16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= tiff.count else { return nil }
            return little ? Int(tiff[at]) | Int(tiff[at + 1]) << 8 : Int(tiff[at]) << 8 | Int(tiff[at + 1])
        }
        func u32(_ at: Int) -> Int? {
            guard let a = u16(at), let b = u16(at + 2) else { return nil }
            return little ? a | b << 16 : a << 16 | b
        }
        guard u16(2) == 42, let ifd = u32(4), let entries = u16(ifd) else { return nil }
        for index in 0..<entries {
            let entry = ifd + 2 + index * 12
            guard let tag = u16(entry) else { return nil }
            guard tag == 0x0112 else { continue }
            // SHORT (type 3), count 1: the value sits left-justified in the 4-byte value field.
            guard u16(entry + 2) == 3, let value = u16(entry + 8) else { return nil }
            return Orientation(rawValue: value)
        }
        return nil
    }
}
