/// One safety filter override.
public struct SafetySetting: Sendable, Hashable, Codable {
    public var category: HarmCategory
    public var threshold: HarmBlockThreshold

    public init(category: HarmCategory, threshold: HarmBlockThreshold) {
        self.category = category
        self.threshold = threshold
    }
}
