/// One image's boxes in a stored label set (or in Gemini's answers), as `squint eval` reads them: the answer
/// that holds them and every detection of it, review state included.
public struct StoredLabelImage: Sendable, Equatable {
    public var path: String
    public var answerID: Int64
    /// In the order given (the model's, or the import's), rejected ones too: the caller decides.
    public var detections: [StoredDetection]

    public init(path: String, answerID: Int64, detections: [StoredDetection]) {
        self.path = path
        self.answerID = answerID
        self.detections = detections
    }
}
