extension AppState {
    /// How a person sets the key, in one line.
    public static let missingKeyMessage = "no API key: set GEMINI_API_KEY (export GEMINI_API_KEY=…, key from https://aistudio.google.com/apikey)"

    mutating func startRequest(_ kind: RequestKind, question: String) -> [Effect] {
        guard hasAPIKey else {
            report(error: AppState.missingKeyMessage)
            return []
        }
        if request != nil {
            info = "a request is running (\(keymap.hint(.cancel)) cancels it)"
            return []
        }
        var images = marked.sorted(by: NaturalOrder.areInIncreasingOrder)
        if images.isEmpty, let image = selectedImage { images = [image] }
        guard !images.isEmpty else {
            info = "select an image first"
            return []
        }
        if kind.isSpatial && images.count > 1 {
            // Boxes only make sense on one picture: use the selected (or first marked) image.
            images = [selectedImage ?? images[0]]
        }
        let spec = RequestSpec(id: nextRequestID, kind: kind, images: images, question: question)
        nextRequestID += 1
        request = RunningRequest(spec: spec, startedAt: now, text: "")
        if let first = images.first, first != answerImage, let index = visible.firstIndex(where: { path(of: entries[$0].name) == first }) {
            // The answer shows beside its image.
            selected = index
            clampList()
            answerImage = first
        }
        answerScroll = nil
        error = nil
        info = nil
        usage = nil
        if !kind.isSpatial { marked = [] }
        if focus == .prompt && kind != .ask { focus = .files }
        return [.startRequest(spec)]
    }

    mutating func finishRequest(id: Int, detections found: [DetectionItem]?) -> [Effect] {
        guard let running = request, running.spec.id == id else { return [] }
        request = nil
        var effects: [Effect] = []
        if running.image == answerImage {
            question = running.spec.question.isEmpty ? running.spec.kind.rawValue : running.spec.question
            answer = running.text
            if let found {
                detections = found
                selectedDetection = found.isEmpty ? nil : 0
                detectionTop = 0
                zoomed = false
                effects.append(.redrawPicture)
            }
        }
        if let index = entries.firstIndex(where: { path(of: $0.name) == running.image }) {
            let pending = (found ?? []).contains { $0.review == .pending }
            entries[index].mark = pending ? .pendingReview : .answered
        }
        if let found {
            info = found.isEmpty ? "nothing found" : "\(found.count) found — a accept, x reject, n next"
        }
        return effects
    }
}
