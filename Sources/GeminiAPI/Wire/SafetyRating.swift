/// A safety verdict for one category.
public struct SafetyRating: Sendable, Hashable {
    public var category: HarmCategory?
    public var probability: HarmProbability?
    public var blocked: Bool?
}

extension SafetyRating: Codable {
    enum CodingKeys: String, CodingKey { case category, probability, blocked }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        category = container.lenient(HarmCategory.self, .category)
        probability = container.lenient(HarmProbability.self, .probability)
        blocked = container.lenient(Bool.self, .blocked)
    }
}
