import Foundation
import GeminiAPI

/// The real Files API behind the planner's `FileUploading`.
extension GeminiClient: FileUploading {
    public func upload(_ bytes: [UInt8], mimeType: String, displayName: String) async throws -> UploadedFile {
        UploadedFile(try await uploadFile(bytes: bytes, mimeType: mimeType, displayName: displayName), mimeType: mimeType)
    }

    public func file(named name: String) async throws -> UploadedFile {
        UploadedFile(try await getFile(name: name), mimeType: nil)
    }
}

extension UploadedFile {
    init(_ file: GeminiFile, mimeType: String?) {
        let state: State =
            if file.state == .processing { .processing }
            else if file.state == .active { .active }
            else if file.state == .failed { .failed }
            else { .unknown }
        self.init(name: file.name, uri: file.uri ?? "", mimeType: file.mimeType ?? mimeType ?? "",
                  state: state, expirationTime: file.expirationTime.flatMap(Self.parseTimestamp))
    }

    /// RFC 3339 as the service writes it, with or without fractional seconds.
    static func parseTimestamp(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
