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
