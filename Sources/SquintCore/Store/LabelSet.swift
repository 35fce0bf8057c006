/// Where a set of detections came from, beyond Gemini's answers: an import (`squint import --name NAME`), either
/// predictions to review or ground truth to score against.
public struct LabelSet: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        /// Boxes to review, like Gemini's: they become the image's current set.
        case predictions
        /// Ground truth, for `squint eval`: stored beside, never the set under review.
        case truth
    }

    public var name: String
    public var role: Role

    public init(name: String, role: Role) {
        self.name = name
        self.role = role
    }
}
