import Foundation
import Imaging

/// One image to ask about: its bytes and the MIME type read from them (never from the file name), or the URL
/// Gemini fetches it from.
public struct AskImage: Sendable, Equatable {
    /// Empty for an image Gemini fetches itself.
    public var bytes: [UInt8]
    public var mimeType: String
    /// The file name or another label, for messages and the upload's display name.
    public var name: String
    /// The URL Gemini fetches the image from (`--url-mode pass`), sent as `fileData.fileUri`; nil sends the bytes.
    public var url: String?

    /// An image Gemini fetches itself.
    public init(remote: RemoteImage) {
        bytes = []
        mimeType = remote.mimeType
        name = remote.url
        url = remote.url
    }

    /// Checks the bytes are an image Gemini accepts (JPEG, PNG, WebP, HEIF/HEIC) and records its MIME type.
    /// GIF (its first frame) and BMP, which Gemini refuses, are converted to PNG here.
    public init(bytes: [UInt8], name: String) throws(AskError) {
        if let format = ImageFormat.detect(bytes), !format.isAcceptedByGemini {
            do {
                let bitmap = try ImageLoader.decodeFull(data: Data(bytes), name: name)
                self.bytes = [UInt8](try PNGEncoder.encode(bitmap))
            } catch let error as ImagingError {
                throw .unsupportedImage(name, detail: error.reason)
            } catch {
                throw .unsupportedImage(name, detail: "\(error)")
            }
            self.mimeType = ImageFormat.png.mimeType
            self.name = name
            return
        }
        guard let mimeType = Self.mimeType(of: bytes) else {
            throw .unsupportedImage(name, detail: Self.describeUnsupported(bytes))
        }
        self.bytes = bytes
        self.mimeType = mimeType
        self.name = name
    }

    /// Reads and checks an image file (its path may carry `FileSystemName` escapes: a name that is not UTF-8).
    public static func load(path: String) throws(AskError) -> AskImage {
        switch FileReader.read(path: path) {
        case .success(let data):
            return try AskImage(bytes: [UInt8](data), name: path)
        case .failure(.missing): throw .unreadableImage(path, reason: "no such file")
        case .failure(.directory): throw .unreadableImage(path, reason: "it is a folder")
        case .failure(.denied): throw .unreadableImage(path, reason: "permission denied")
        case .failure: throw .unreadableImage(path, reason: "it cannot be read")
        }
    }

    /// Gemini's MIME type for these bytes, or nil. AVIF shares HEIF's container but Gemini does not take it, so
    /// it is refused here rather than mislabelled `image/heif`.
    static func mimeType(of bytes: [UInt8]) -> String? {
        guard let format = ImageFormat.detect(bytes), format.isAcceptedByGemini else { return nil }
        if format == .heif, bytes.count >= 12, ["avif", "avis"].contains(String(decoding: bytes[8..<12], as: UTF8.self)) {
            return nil
        }
        return format.mimeType
    }

    /// Names common formats Gemini refuses, so the message says what the file is rather than just "unknown".
    static func describeUnsupported(_ bytes: [UInt8]) -> String {
        let head = Array(bytes.prefix(12))
        if bytes.isEmpty { return "the file is empty" }
        if head.starts(with: [0x49, 0x49, 0x2A, 0x00]) || head.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) {
            return "TIFF is not supported"
        }
        if head.count >= 12, String(decoding: head[8..<12], as: UTF8.self).hasPrefix("avi") { return "AVIF is not supported" }
        return "not a JPEG, PNG, WebP, HEIF, GIF or BMP image"
    }
}

extension ImageFormat {
    /// The formats Gemini takes as they are (its image MIME types: PNG, JPEG, WebP, HEIC, HEIF); the others
    /// are sent as PNG.
    public var isAcceptedByGemini: Bool {
        switch self {
        case .jpeg, .png, .webp, .heif: true
        case .gif, .bmp: false
        }
    }
}
