/// What `SpatialParser` made of one answer: the usable detections and everything it had to drop or repair.
public struct SpatialResult: Sendable, Equatable {
    public var detections: [Detection]
    /// One human-readable line per repair or drop. Labels are quoted verbatim from the model, so sanitise
    /// these before printing them to a terminal.
    public var warnings: [String]
    /// Items the model started but that could not be used: truncated, unparseable, without geometry, or of zero area.
    public var droppedCount: Int

    public init(detections: [Detection] = [], warnings: [String] = [], droppedCount: Int = 0) {
        self.detections = detections
        self.warnings = warnings
        self.droppedCount = droppedCount
    }
}
