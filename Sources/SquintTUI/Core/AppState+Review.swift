import SquintCore

extension AppState {
    mutating func stepDetection(by delta: Int, wrap: Bool = true) -> [Effect] {
        guard !detections.isEmpty else {
            info = "no detections"
            return []
        }
        let count = detections.count
        if let current = selectedDetection {
            let target = current + delta
            selectedDetection = wrap ? ((target % count) + count) % count : min(max(0, target), count - 1)
        } else {
            selectedDetection = delta >= 0 ? 0 : count - 1
        }
        clampDetections()
        return [.redrawPicture]
    }

    mutating func clampDetections() {
        guard let index = selectedDetection else { detectionTop = 0; return }
        let rows = layout.detectionRows
        if index < detectionTop { detectionTop = index }
        if index >= detectionTop + rows { detectionTop = index - rows + 1 }
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
        undoStack.append(item.id)
        if undoStack.count > 200 { undoStack.removeFirst() }
        if let next = (index + 1..<detections.count).first(where: { isAwaitingReview(detections[$0]) })
            ?? (0..<index).first(where: { isAwaitingReview(detections[$0]) }) {
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
        guard let index = detections.firstIndex(where: { $0.id == id }) else { return [] }
        let before = detections[index].effectiveLabel
        detections[index].review = state
        if let image = answerImage { refreshMark(for: image) }
        info = Self.describe(state, label: before)
        return [.redrawPicture]
    }

    mutating func reviewFailed(detection id: Int64, message: String) -> [Effect] {
        savingReviews[id] = nil
        if let index = undoStack.lastIndex(of: id) { undoStack.remove(at: index) }
        report(error: message + " — the decision was not saved")
        return []
    }

    mutating func undo() -> [Effect] {
        guard let last = undoStack.popLast() else {
            info = "nothing to undo"
            return []
        }
        return [.review(.undo(detection: last))]
    }

    mutating func undone(_ result: UndoneReview?) -> [Effect] {
        guard let result else {
            info = "nothing to undo"
            return []
        }
        guard let index = detections.firstIndex(where: { $0.id == result.detectionID }) else {
            info = "undid \(Self.verb(result.undone))"
            return []
        }
        let label = detections[index].detection.label
        detections[index].review = result.restored
        selectedDetection = index
        clampDetections()
        if let image = answerImage { refreshMark(for: image) }
        info = "undid \(Self.verb(result.undone)) of \(TerminalSafe.text(label))"
        return [.redrawPicture]
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
