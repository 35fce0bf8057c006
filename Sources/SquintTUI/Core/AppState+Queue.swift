import Foundation
import SquintCore

/// The review queue: the list narrowed by label and score, accept-all and reject-all, and the folder's counts.
extension AppState {
    /// Indices into `detections` the list shows, in order: those the filter admits.
    public var visibleDetections: [Int] {
        guard detectionFilter.isActive else { return Array(detections.indices) }
        return detections.indices.filter { detectionFilter.admits(detections[$0]) }
    }

    /// Indices the filter hides, for the picture (sorted).
    public var hiddenDetections: [Int] {
        guard detectionFilter.isActive else { return [] }
        return detections.indices.filter { !detectionFilter.admits(detections[$0]) }
    }

    /// The current set has scores (imported predictions): the threshold keys mean something.
    public var detectionsHaveScores: Bool { detections.contains { $0.detection.score != nil } }

    /// Keeps the selection on a shown detection after the filter changed: the nearest one, or none.
    mutating func reselectVisible() {
        let shown = visibleDetections
        guard !shown.isEmpty else {
            selectedDetection = nil
            detectionTop = 0
            return
        }
        if let current = selectedDetection, !shown.contains(current) {
            selectedDetection = shown.first { $0 > current } ?? shown.last
        } else if selectedDetection == nil {
            selectedDetection = shown.first
        }
        detectionTop = 0
        clampDetections()
    }

    mutating func openDetectionFilter() -> [Effect] {
        guard !detections.isEmpty else {
            info = "no detections to filter"
            return []
        }
        modal = .filterDetections(LineEditor(text: detectionFilter.label))
        return []
    }

    /// A key in the `f` dialog: the list narrows as the person types; Enter keeps it, Esc clears it.
    mutating func filterDialogKey(_ key: Key, editor: LineEditor) -> [Effect] {
        var editor = editor
        switch key {
        case .escape:
            modal = .none
            detectionFilter.label = ""
        case .enter:
            modal = .none
            detectionFilter.label = editor.text.trimmed
        case .tab, .backTab:
            _ = editor.complete(from: labelCandidates, backwards: key == .backTab)
            modal = .filterDetections(editor)
            detectionFilter.label = editor.text.trimmed
        default:
            _ = editor.handle(key)
            modal = .filterDetections(editor)
            detectionFilter.label = editor.text.trimmed
        }
        reselectVisible()
        let shown = visibleDetections.count
        info = detectionFilter.isActive ? "\(shown) of \(detections.count) detections shown" : "all \(detections.count) detections shown"
        return [.redrawPicture]
    }

    /// The labels of the current set and the class list, each once: what the filter completes from.
    var labelCandidates: [String] {
        var seen = Set<String>()
        return (classes + detections.map(\.effectiveLabel)).filter { seen.insert($0).inserted }
    }

    mutating func stepThreshold(raised: Bool) -> [Effect] {
        guard detectionsHaveScores else {
            info = "no scores here: the threshold is for imported predictions"
            return []
        }
        detectionFilter.minimumScore = detectionFilter.threshold(raised: raised)
        reselectVisible()
        info = String(format: "score ≥ %.2f: %d of %d shown", detectionFilter.minimumScore, visibleDetections.count, detections.count)
        return [.redrawPicture]
    }

    /// `A`/`X`: every pending detection the list shows gets the decision, as one undo step.
    mutating func reviewAllShown(_ decision: ReviewState) -> [Effect] {
        guard answerImage != nil, !detections.isEmpty else {
            info = "no detections"
            return []
        }
        let ids = visibleDetections.map { detections[$0] }.filter { isAwaitingReview($0) }.map(\.id)
        guard !ids.isEmpty else {
            info = "nothing pending here"
            return []
        }
        for id in ids { savingReviews[id] = decision }
        pushUndo(ids)
        return [.review(.setAll(detections: ids, to: decision))]
    }

    mutating func reviewsSaved(detections ids: [Int64], state: ReviewState) -> [Effect] {
        for id in ids {
            savingReviews[id] = nil
            if let index = detections.firstIndex(where: { $0.id == id }) { detections[index].review = state }
        }
        if let image = answerImage { refreshMark(for: image) }
        info = "\(state.name) \(ids.count) detection\(ids.count == 1 ? "" : "s") (\(keymap.hint(.undo)) undoes all)"
        return [.redrawPicture] + countsEffect
    }

    mutating func reviewsFailed(detections ids: [Int64], message: String) -> [Effect] {
        for id in ids { savingReviews[id] = nil }
        if let index = undoStack.lastIndex(of: ids) { undoStack.remove(at: index) }
        report(error: message + " — the decisions were not saved")
        return []
    }

    mutating func pushUndo(_ ids: [Int64]) {
        undoStack.append(ids)
        if undoStack.count > 200 { undoStack.removeFirst() }
    }

    /// Ask the store for the folder's counts again (after anything that changes them).
    var countsEffect: [Effect] { [.loadReviewCounts(folder)] }

    /// "images 12/240 reviewed · boxes 31 ✓ 4 ✗ 3 edited", cut to `columns`; ASCII without UTF-8.
    static func countsLine(_ counts: ReviewCounts, unicode: Bool, columns: Int = Int.max) -> String {
        let dot = unicode ? " · " : " - "
        var boxes = "boxes \(counts.accepted) \(unicode ? "✓" : "+") \(counts.rejected) \(unicode ? "✗" : "x")"
        if counts.edited > 0 { boxes += " \(counts.edited) edited" }
        if counts.added > 0 { boxes += " \(counts.added) added" }
        let images = "images \(counts.imagesReviewed)/\(counts.images) reviewed"
        let full = images + dot + boxes
        if DisplayWidth.of(full) <= columns { return full }
        let short = "\(counts.imagesReviewed)/\(counts.images) reviewed" + dot + boxes.dropFirst("boxes ".count)
        return DisplayWidth.fit(short, columns: max(1, columns), pad: false)
    }
}
