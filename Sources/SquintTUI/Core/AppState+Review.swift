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

    mutating func reviewSelected(_ decision: DetectionItem.Review) -> [Effect] {
        guard let image = answerImage, let index = selectedDetection, index < detections.count else {
            info = "no detection selected"
            return []
        }
        let item = detections[index]
        undoStack.append(UndoEntry(image: image, detection: item.id, previousReview: item.review, previousLabel: item.label))
        if undoStack.count > 200 { undoStack.removeFirst() }
        detections[index].review = decision
        refreshMark(for: image)
        // Move on to the next detection still pending, so a person can keep pressing a/x.
        if let next = (index + 1..<detections.count).first(where: { detections[$0].review == .pending })
            ?? (0..<index).first(where: { detections[$0].review == .pending }) {
            selectedDetection = next
        }
        clampDetections()
        info = "\(decision.rawValue): \(item.label)"
        return [.review(.set(image: image, detection: item.id, review: decision)), .redrawPicture]
    }

    mutating func relabelSelected(_ label: String) -> [Effect] {
        guard !label.isEmpty, let image = answerImage, let index = selectedDetection, index < detections.count else { return [] }
        let item = detections[index]
        undoStack.append(UndoEntry(image: image, detection: item.id, previousReview: item.review, previousLabel: item.label))
        detections[index].label = label
        info = "relabelled \(item.label) → \(label)"
        return [.review(.relabel(image: image, detection: item.id, label: label)), .redrawPicture]
    }

    mutating func undo() -> [Effect] {
        guard let last = undoStack.popLast() else {
            info = "nothing to undo"
            return []
        }
        var effects: [Effect] = []
        if last.image == answerImage, let index = detections.firstIndex(where: { $0.id == last.detection }) {
            let current = detections[index]
            if current.label != last.previousLabel {
                detections[index].label = last.previousLabel
                effects.append(.review(.relabel(image: last.image, detection: last.detection, label: last.previousLabel)))
            }
            detections[index].review = last.previousReview
            selectedDetection = index
            clampDetections()
            refreshMark(for: last.image)
            effects.append(.redrawPicture)
        } else if let index = entries.firstIndex(where: { path(of: $0.name) == last.image }) {
            entries[index].mark = last.previousReview == .pending ? .pendingReview : entries[index].mark
        }
        effects.insert(.review(.set(image: last.image, detection: last.detection, review: last.previousReview)), at: 0)
        info = "undone"
        return effects
    }

    mutating func refreshMark(for image: String) {
        guard let index = entries.firstIndex(where: { path(of: $0.name) == image }) else { return }
        entries[index].mark = detections.contains { $0.review == .pending } ? .pendingReview : .answered
    }
}
