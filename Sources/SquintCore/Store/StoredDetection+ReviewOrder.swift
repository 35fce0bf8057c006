extension StoredDetection {
    /// The order a set is reviewed and numbered in, by the TUI and `squint review` alike: imported predictions
    /// with scores highest score first (ties and unscored ones keep the store's order); Gemini's answers,
    /// which have no scores, in the model's order.
    public static func inReviewOrder(_ detections: [StoredDetection]) -> [StoredDetection] {
        guard detections.contains(where: { $0.detection.score != nil }) else { return detections }
        return detections.enumerated().sorted { a, b in
            let sa = a.element.detection.score ?? -.infinity, sb = b.element.detection.score ?? -.infinity
            return sa != sb ? sa > sb : a.offset < b.offset
        }.map(\.element)
    }
}
