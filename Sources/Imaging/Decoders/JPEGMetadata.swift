/// The two things Squint needs from a JPEG's marker segments that libturbojpeg does not report:
/// the EXIF Orientation (APP1) and whether an Adobe APP14 segment is present (which means CMYK is stored inverted).
struct JPEGMetadata: Sendable, Equatable {
    var orientation: Orientation = .up
    var hasAdobeMarker = false

    /// Walks the marker segments up to the first scan; never reads past the buffer, never throws:
    /// damaged metadata means "upright, not Adobe", and the pixel decoder reports real damage.
    init(scanning bytes: UnsafeRawBufferPointer) {
        var offset = 2
        let count = bytes.count
        guard count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return }
        while offset + 4 <= count {
            guard bytes[offset] == 0xFF else { return }
            let marker = bytes[offset + 1]
            if marker == 0xFF { offset += 1; continue }  // fill byte
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { offset += 2; continue }
            if marker == 0xDA || marker == 0xD9 { return }  // start of scan / end of image: no more metadata
            let length = Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            guard length >= 2, offset + 2 + length <= count else { return }
            let segment = UnsafeRawBufferPointer(rebasing: bytes[(offset + 4)..<(offset + 2 + length)])
            if marker == 0xE1, let value = Self.exifOrientation(segment) {
                orientation = value
            } else if marker == 0xEE, segment.count >= 5, segment.prefix(5).elementsEqual("Adobe".utf8) {
                hasAdobeMarker = true
            }
            offset += 2 + length
        }
    }

    /// Tag 0x0112 in IFD0 of an APP1 "Exif\0\0" TIFF block, either byte order.
    static func exifOrientation(_ segment: UnsafeRawBufferPointer) -> Orientation? {
        let header: [UInt8] = [0x45, 0x78, 0x69, 0x66, 0, 0]  // "Exif\0\0"
        guard segment.count >= 6 + 8, segment.prefix(6).elementsEqual(header) else { return nil }
        return ExifReader.orientation(tiff: UnsafeRawBufferPointer(rebasing: segment[6...]))
    }
}
