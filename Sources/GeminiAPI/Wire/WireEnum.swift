/// A proto enum as it travels in JSON: a string that may hold a value this build has never seen.
///
/// The service adds enum values (new finish reasons, new harm categories) without a version bump, so
/// they are string-backed structs with well-known constants, never Swift enums that would fail to decode.
public protocol WireEnum: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible
where RawValue == String {
    init(rawValue: String)
}

extension WireEnum {
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}

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

/// Processing state of an uploaded file.
public struct FileState: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: "STATE_UNSPECIFIED")
    public static let processing = Self(rawValue: "PROCESSING")
    public static let active = Self(rawValue: "ACTIVE")
    public static let failed = Self(rawValue: "FAILED")
}

/// A safety category (`SafetySetting.category`, `SafetyRating.category`).
public struct HarmCategory: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let harassment = Self(rawValue: "HARM_CATEGORY_HARASSMENT")
    public static let hateSpeech = Self(rawValue: "HARM_CATEGORY_HATE_SPEECH")
    public static let sexuallyExplicit = Self(rawValue: "HARM_CATEGORY_SEXUALLY_EXPLICIT")
    public static let dangerousContent = Self(rawValue: "HARM_CATEGORY_DANGEROUS_CONTENT")
    public static let civicIntegrity = Self(rawValue: "HARM_CATEGORY_CIVIC_INTEGRITY")
}

/// The blocking threshold of a `SafetySetting`.
public struct HarmBlockThreshold: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let blockLowAndAbove = Self(rawValue: "BLOCK_LOW_AND_ABOVE")
    public static let blockMediumAndAbove = Self(rawValue: "BLOCK_MEDIUM_AND_ABOVE")
    public static let blockOnlyHigh = Self(rawValue: "BLOCK_ONLY_HIGH")
    public static let blockNone = Self(rawValue: "BLOCK_NONE")
    public static let off = Self(rawValue: "OFF")
}

/// How likely a rating's category is (`SafetyRating.probability`).
public struct HarmProbability: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let negligible = Self(rawValue: "NEGLIGIBLE")
    public static let low = Self(rawValue: "LOW")
    public static let medium = Self(rawValue: "MEDIUM")
    public static let high = Self(rawValue: "HIGH")
}
