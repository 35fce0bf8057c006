/// How many tokens an image may cost (`--media-resolution`, `media_resolution` in the config): Gemini 3 takes it
/// per image part, with ultra-high only there; Gemini 2.5 takes low, medium or high for the whole request.
public enum MediaResolution: String, Sendable, CaseIterable, Codable {
    case low, medium, high
    case ultraHigh = "ultra-high"

    /// The API's name: `MEDIA_RESOLUTION_HIGH`.
    public var wireName: String {
        switch self {
        case .low: "MEDIA_RESOLUTION_LOW"
        case .medium: "MEDIA_RESOLUTION_MEDIUM"
        case .high: "MEDIA_RESOLUTION_HIGH"
        case .ultraHigh: "MEDIA_RESOLUTION_ULTRA_HIGH"
        }
    }

    /// The most tokens one image takes at this level on Gemini 3 (the documented maxima).
    public var perPartTokenLimit: Int {
        switch self {
        case .low: 280
        case .medium: 560
        case .high: 1120
        case .ultraHigh: 2240
        }
    }

    /// What one image costs at this level when it is set for a whole Gemini 2.5 request: 64 tokens at low, 256
    /// at medium and high (high reframes and zooms within the same budget).
    public var globalTokens: Int {
        switch self {
        case .low: 64
        case .medium, .high, .ultraHigh: 256
        }
    }
}
