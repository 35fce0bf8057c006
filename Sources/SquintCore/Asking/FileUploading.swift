import Foundation

/// The Files API as the planner needs it; the Gemini client conforms in `GeminiClient+FileUploading.swift`, tests
/// use a fake.
public protocol FileUploading: Sendable {
    /// Uploads bytes with the resumable protocol and returns the file as the service described it.
    func upload(_ bytes: [UInt8], mimeType: String, displayName: String) async throws -> UploadedFile
    /// `files.get`, to poll a PROCESSING file.
    func file(named name: String) async throws -> UploadedFile
}

/// The fields of a Files API `File` the planner uses.
public struct UploadedFile: Sendable, Equatable {
    public enum State: Sendable, Equatable {
        case processing, active, failed, unknown
    }

    public var name: String
    public var uri: String
    public var mimeType: String
    public var state: State
    /// Nil when the service did not say; the planner then assumes the documented 48 hours.
    public var expirationTime: Date?

    public init(name: String, uri: String, mimeType: String, state: State, expirationTime: Date?) {
        self.name = name
        self.uri = uri
        self.mimeType = mimeType
        self.state = state
        self.expirationTime = expirationTime
    }
}
