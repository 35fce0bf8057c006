/// Why a candidate stopped (`Candidate.finishReason`).
public struct FinishReason: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: "FINISH_REASON_UNSPECIFIED")
    public static let stop = Self(rawValue: "STOP")
    public static let maxTokens = Self(rawValue: "MAX_TOKENS")
    public static let safety = Self(rawValue: "SAFETY")
    public static let recitation = Self(rawValue: "RECITATION")
    public static let language = Self(rawValue: "LANGUAGE")
    public static let other = Self(rawValue: "OTHER")
    public static let blocklist = Self(rawValue: "BLOCKLIST")
    public static let prohibitedContent = Self(rawValue: "PROHIBITED_CONTENT")
    public static let spii = Self(rawValue: "SPII")
    public static let malformedFunctionCall = Self(rawValue: "MALFORMED_FUNCTION_CALL")
    public static let imageSafety = Self(rawValue: "IMAGE_SAFETY")

    /// Whether the answer was cut by a safety or policy filter rather than finishing or running out of tokens.
    public var isBlocking: Bool {
        [.safety, .recitation, .blocklist, .prohibitedContent, .spii, .imageSafety].contains(self)
    }
}
