/// Which stored detections an export takes. The default is what review shows: each image's current set,
/// rejected detections left out.
public struct ExportSelection: Sendable, Equatable {
    /// Only accepted and relabelled detections (`--accepted-only`).
    public var acceptedOnly: Bool
    /// Rejected detections too (`--include-rejected`).
    public var includeRejected: Bool
    /// Every run's detections, not only each image's current set (`--all-runs`).
    public var allRuns: Bool

    public init(acceptedOnly: Bool = false, includeRejected: Bool = false, allRuns: Bool = false) {
        self.acceptedOnly = acceptedOnly
        self.includeRejected = includeRejected
        self.allRuns = allRuns
    }

    func keeps(_ review: ReviewState) -> Bool {
        if acceptedOnly { return review.isAccepted }
        return includeRejected || review != .rejected
    }
}
