/// What the user asks of an image. Spatial tasks expect a JSON list back and go through `SpatialParser`.
public enum AskTask: String, Sendable, CaseIterable, Codable {
    case caption, detect, segment, point, question

    /// Detect, segment and point: answers carry coordinates, so the image is oriented and downscaled first.
    public var isSpatial: Bool {
        switch self {
        case .detect, .segment, .point: true
        case .caption, .question: false
        }
    }
}
