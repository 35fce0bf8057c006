/// The image formats Squint decodes, detected from the bytes, never from the file name.
public enum ImageFormat: String, Sendable, CaseIterable {
    case jpeg, png, webp, heif, gif, bmp

    /// The format's MIME type (Gemini takes JPEG, PNG, WebP and HEIF inline; GIF and BMP are converted first).
    public var mimeType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .webp: "image/webp"
        case .heif: "image/heif"
        case .gif: "image/gif"
        case .bmp: "image/bmp"
        }
    }

    /// Identifies a format from the first bytes of a file (18 are enough), or nil.
    public static func detect<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> ImageFormat? {
        let head = Array(bytes.prefix(18))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.count >= 12, head[0..<4].elementsEqual(Array("RIFF".utf8)), head[8..<12].elementsEqual(Array("WEBP".utf8)) {
            return .webp
        }
        // ISO base media: a `ftyp` box whose major brand is one of HEIF's.
        if head.count >= 12, head[4..<8].elementsEqual(Array("ftyp".utf8)) {
            let brand = String(decoding: head[8..<12], as: UTF8.self)
            if ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif"].contains(brand) { return .heif }
        }
        if head.starts(with: Array("GIF87a".utf8)) || head.starts(with: Array("GIF89a".utf8)) { return .gif }
        // "BM" alone starts plenty of text files: also ask for a DIB header size that exists.
        if head.count >= 18, head.starts(with: Array("BM".utf8)),
           BMPHeader.knownDIBSizes.contains(Int(head[14]) | Int(head[15]) << 8 | Int(head[16]) << 16 | Int(head[17]) << 24) {
            return .bmp
        }
        return nil
    }
}
