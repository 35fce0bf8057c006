/// EXIF orientation from the containers that carry it outside JPEG: PNG's `eXIf` chunk and WebP's `EXIF`
/// chunk. Browsers honour both, so a phone picture converted to PNG or WebP must not turn sideways here.
enum ContainerMetadata {
    /// Walks PNG chunks (length, type, data, CRC) for `eXIf`; stops at IEND or at the first damaged length.
    static func pngOrientation(_ bytes: UnsafeRawBufferPointer) -> Orientation? {
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let type = bytes[(offset + 4)..<(offset + 8)]
            let end = offset + 12 + length
            guard length >= 0, end <= bytes.count else { return nil }
            if type.elementsEqual("eXIf".utf8) {
                return ExifReader.orientation(tiff: UnsafeRawBufferPointer(rebasing: bytes[(offset + 8)..<(offset + 8 + length)]))
            }
            if type.elementsEqual("IEND".utf8) { return nil }
            offset = end
        }
        return nil
    }

    /// Walks the RIFF chunks of an extended (VP8X) WebP for `EXIF`; simple WebPs cannot carry metadata.
    static func webpOrientation(_ bytes: UnsafeRawBufferPointer) -> Orientation? {
        var offset = 12
        while offset + 8 <= bytes.count {
            let type = bytes[offset..<(offset + 4)]
            let length = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            let start = offset + 8
            guard start + length <= bytes.count else { return nil }
            if type.elementsEqual("EXIF".utf8) {
                return ExifReader.orientation(tiff: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + length)]))
            }
            offset = start + length + (length & 1)  // chunks are padded to even sizes
        }
        return nil
    }
}
