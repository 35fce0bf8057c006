/// How likely a rating's category is (`SafetyRating.probability`).
public struct HarmProbability: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let negligible = Self(rawValue: "NEGLIGIBLE")
    public static let low = Self(rawValue: "LOW")
    public static let medium = Self(rawValue: "MEDIUM")
    public static let high = Self(rawValue: "HIGH")
}
