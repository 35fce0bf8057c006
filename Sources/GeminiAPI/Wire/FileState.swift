/// Processing state of an uploaded file.
public struct FileState: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: "STATE_UNSPECIFIED")
    public static let processing = Self(rawValue: "PROCESSING")
    public static let active = Self(rawValue: "ACTIVE")
    public static let failed = Self(rawValue: "FAILED")
}
