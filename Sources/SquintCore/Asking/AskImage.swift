import Foundation
import Imaging

/// One image to ask about: its bytes and the MIME type read from them (never from the file name).
public struct AskImage: Sendable, Equatable {
    public var bytes: [UInt8]
    public var mimeType: String
    /// The file name or another label, for messages and the upload's display name.
    public var name: String

    /// Checks the bytes are an image Gemini accepts (JPEG, PNG, WebP, HEIF/HEIC) and records its MIME type.
    public init(bytes: [UInt8], name: String) throws(AskError) {
        guard let mimeType = Self.mimeType(of: bytes) else {
            throw .unsupportedImage(name, detail: Self.describeUnsupported(bytes))
        }
        self.bytes = bytes
        self.mimeType = mimeType
        self.name = name
    }

    /// Reads and checks an image file.
    public static func load(path: String) throws(AskError) -> AskImage {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadableImage(path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw .unreadableImage(path, reason: "it is a folder") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableImage(path, reason: access(path, R_OK) != 0 ? "permission denied" : "it cannot be read")
        }
        return try AskImage(bytes: [UInt8](data), name: path)
    }

    /// Gemini's MIME type for these bytes, or nil. AVIF shares HEIF's container but Gemini does not take it, so
    /// it is refused here rather than mislabelled `image/heif`.
    static func mimeType(of bytes: [UInt8]) -> String? {
        guard let format = ImageFormat.detect(bytes) else { return nil }
        if format == .heif, bytes.count >= 12, ["avif", "avis"].contains(String(decoding: bytes[8..<12], as: UTF8.self)) {
            return nil
        }
        return format.mimeType
    }

    /// Names common formats Gemini refuses, so the message says what the file is rather than just "unknown".
    static func describeUnsupported(_ bytes: [UInt8]) -> String {
        let head = Array(bytes.prefix(12))
        if bytes.isEmpty { return "the file is empty" }
        if head.starts(with: Array("GIF8".utf8)) { return "GIF is not supported" }
        if head.starts(with: Array("BM".utf8)) { return "BMP is not supported" }
        if head.starts(with: [0x49, 0x49, 0x2A, 0x00]) || head.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) {
            return "TIFF is not supported"
        }
        if head.count >= 12, String(decoding: head[8..<12], as: UTF8.self).hasPrefix("avi") { return "AVIF is not supported" }
        return "not a JPEG, PNG, WebP or HEIF image"
    }
}
