/// Gemini 3's per-image token budget, on the image's part: `{"mediaResolution": {"level": "MEDIA_RESOLUTION_HIGH"}}`.
public struct PartMediaResolution: Sendable, Hashable, Codable {
    /// `MEDIA_RESOLUTION_LOW`, `_MEDIUM`, `_HIGH` or `_ULTRA_HIGH`.
    public var level: String

    public init(level: String) {
        self.level = level
    }
}
