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
