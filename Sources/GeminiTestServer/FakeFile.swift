import Foundation

/// A file the fake's Files API holds: uploaded through the resumable protocol, or seeded by a test.
public struct FakeFile: Sendable {
    public enum State: String, Sendable {
        case processing = "PROCESSING", active = "ACTIVE", failed = "FAILED"
    }

    /// `files/{id}`.
    public var name: String
    public var displayName: String
    public var mimeType: String
    /// The uploaded bytes (empty for a seeded file).
    public var bytes: [UInt8]
    public var sizeBytes: Int
    public var state: State
    /// `GET files/{id}` answers left before `state` moves from PROCESSING to `finalState`.
    public var pollsUntilDone: Int
    public var finalState: State
    public var createTime: Date
    public var expirationTime: Date
    /// `{baseURL}/v1beta/files/{id}`, the URI a request references with `fileData.fileUri`.
    public var uri: String
    /// `UPLOADED` for a file a client sent, `GENERATED` for one the service made (a batch's responses file): only
    /// generated files can be downloaded.
    public var source: String = "UPLOADED"

    public init(name: String, displayName: String = "", mimeType: String, bytes: [UInt8] = [], sizeBytes: Int? = nil,
                state: State = .active, pollsUntilDone: Int = 0, finalState: State = .active,
                createTime: Date = Date(), uri: String) {
        self.name = name
        self.displayName = displayName
        self.mimeType = mimeType
        self.bytes = bytes
        self.sizeBytes = sizeBytes ?? bytes.count
        self.state = state
        self.pollsUntilDone = pollsUntilDone
        self.finalState = finalState
        self.createTime = createTime
        self.expirationTime = createTime.addingTimeInterval(48 * 3600)
        self.uri = uri
    }

    /// The `File` resource as the service writes it (`sizeBytes` as a string, RFC 3339 times).
    public var json: FakeJSON {
        var members: [FakeJSON.Member] = [.init("name", .string(name))]
        if !displayName.isEmpty { members.append(.init("displayName", .string(displayName))) }
        members += [
            .init("mimeType", .string(mimeType)),
            .init("sizeBytes", .string(String(sizeBytes))),
            .init("createTime", .string(Self.timestamp(createTime))),
            .init("updateTime", .string(Self.timestamp(createTime))),
            .init("expirationTime", .string(Self.timestamp(expirationTime))),
            .init("sha256Hash", "ZmFrZS1oYXNoLW5vdC1jb21wdXRlZA=="),
            .init("uri", .string(uri)),
            .init("state", .string(state.rawValue)),
            .init("source", .string(source)),
        ]
        if source == "GENERATED" {
            members.append(.init("downloadUri", .string(uri + ":download?alt=media")))
        }
        if state == .failed {
            members.append(.init("error", ["code": 400, "message": "File processing failed."]))
        }
        return .object(members)
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
