/// Why the whole prompt was refused (`promptFeedback.blockReason`).
public struct BlockReason: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: "BLOCK_REASON_UNSPECIFIED")
    public static let safety = Self(rawValue: "SAFETY")
    public static let other = Self(rawValue: "OTHER")
    public static let blocklist = Self(rawValue: "BLOCKLIST")
    public static let prohibitedContent = Self(rawValue: "PROHIBITED_CONTENT")
    public static let imageSafety = Self(rawValue: "IMAGE_SAFETY")
}
