import SquintCore

extension AppState {
    /// n/N: the next or previous detection the list shows (the filter's hidden ones are skipped).
    mutating func stepDetection(by delta: Int, wrap: Bool = true) -> [Effect] {
        let shown = visibleDetections
        guard !shown.isEmpty else {
            info = detections.isEmpty ? "no detections" : "the filter hides every detection (\(keymap.hint(.filterDetections)) changes it)"
            return []
        }
        let count = shown.count
        if let current = selectedDetection, let position = shown.firstIndex(of: current) {
            let target = position + delta
            selectedDetection = shown[wrap ? ((target % count) + count) % count : min(max(0, target), count - 1)]
        } else {
            selectedDetection = delta >= 0 ? shown[0] : shown[count - 1]
        }
        clampDetections()
        return [.redrawPicture]
    }

    /// Keeps the selected row inside the list's window (`detectionTop` counts rows the list shows).
    mutating func clampDetections() {
        guard let index = selectedDetection, let row = visibleDetections.firstIndex(of: index) else { detectionTop = 0; return }
        let rows = layout.detectionRows
        if row < detectionTop { detectionTop = row }
        if row >= detectionTop + rows { detectionTop = row - rows + 1 }
    }

    /// Sends a decision to the store and moves on to the next detection still pending, so a person can keep
    /// pressing a/x/r. The decision shows once the store has it (`reviewSaved`).
    mutating func reviewSelected(_ decision: ReviewState) -> [Effect] {
        guard answerImage != nil, let index = selectedDetection, index < detections.count else {
            info = "no detection selected"
            return []
        }
        let item = detections[index]
        savingReviews[item.id] = decision
        pushUndo([item.id])
        let shown = visibleDetections
        if let next = shown.first(where: { $0 > index && isAwaitingReview(detections[$0]) })
            ?? shown.first(where: { $0 < index && isAwaitingReview(detections[$0]) }) {
            selectedDetection = next
        }
        clampDetections()
        return [.review(.set(detection: item.id, to: decision))]
    }

    /// Pending in the store and not on its way there.
    func isAwaitingReview(_ detection: StoredDetection) -> Bool {
        detection.review == .pending && savingReviews[detection.id] == nil
    }

    mutating func reviewSaved(detection id: Int64, state: ReviewState) -> [Effect] {
        savingReviews[id] = nil
        guard let index = detections.firstIndex(where: { $0.id == id }) else { return countsEffect }
        let before = detections[index].effectiveLabel
        detections[index].review = state
        if let image = answerImage { refreshMark(for: image) }
        info = Self.describe(state, label: before)
        return [.redrawPicture] + countsEffect
    }

    mutating func reviewFailed(detection id: Int64, message: String) -> [Effect] {
        savingReviews[id] = nil
        if let index = undoStack.lastIndex(of: [id]) { undoStack.remove(at: index) }
        report(error: message + " — the decision was not saved")
        return []
    }

    mutating func undo() -> [Effect] {
        guard let last = undoStack.popLast() else {
            info = "nothing to undo"
            return []
        }
        if last.count == 1, let id = last.first { return [.review(.undo(detection: id))] }
        return [.review(.undoAll(detections: last))]
    }

    mutating func undone(_ result: UndoneReview?) -> [Effect] {
        guard let result else {
            info = "nothing to undo"
            return []
        }
        guard let label = apply(undone: result) else {
            info = "undid \(Self.verb(result))"
            return countsEffect
        }
        info = "undid \(Self.verb(result)) of \(TerminalSafe.text(label))"
        return [.redrawPicture] + countsEffect
    }

    /// An accept-all (or reject-all) taken back in one step.
    mutating func undoneAll(_ results: [UndoneReview]) -> [Effect] {
        guard let first = results.first else {
            info = "nothing to undo"
            return []
        }
        for result in results { _ = apply(undone: result) }
        info = results.count == 1 ? "undid \(Self.verb(first))" : "undid \(Self.verb(first)) of \(results.count) detections"
        return [.redrawPicture] + countsEffect
    }

    /// Puts one undone event on screen; the detection's model label, or nil when it is not in the set shown.
    mutating func apply(undone result: UndoneReview) -> String? {
        guard let index = detections.firstIndex(where: { $0.id == result.detectionID }) else { return nil }
        let label = detections[index].detection.label
        switch result.change {
        case .addition:
            detections.remove(at: index)
            if let selected = selectedDetection {
                selectedDetection = detections.isEmpty ? nil : selected > index ? selected - 1 : min(selected, detections.count - 1)
            }
            reselectVisible()
        case .boxEdit(let box):
            detections[index].editedBox = box
            detections[index].review = result.restored
            selectedDetection = index
        case .decision:
            detections[index].review = result.restored
            selectedDetection = index
        }
        clampDetections()
        if let image = answerImage { refreshMark(for: image) }
        return label
    }

    static func verb(_ result: UndoneReview) -> String {
        switch result.change {
        case .decision: verb(result.undone)
        case .boxEdit: "box edit"
        case .addition: "added box"
        }
    }

    static func verb(_ state: ReviewState) -> String {
        switch state {
        case .accepted: "accept"
        case .rejected: "reject"
        case .relabelled: "relabel"
        case .pending: "reset"
        }
    }

    static func describe(_ state: ReviewState, label: String) -> String {
        switch state {
        case .relabelled(let new): "relabelled \(TerminalSafe.text(label)) → \(TerminalSafe.text(new))"
        default: "\(state.name): \(TerminalSafe.text(label))"
        }
    }

    mutating func refreshMark(for image: String) {
        guard let index = entries.firstIndex(where: { path(of: $0.name) == image }) else { return }
        entries[index].mark = detections.contains { $0.review == .pending } ? .pendingReview : .answered
    }
}
