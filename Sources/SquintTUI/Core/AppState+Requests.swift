import Imaging
import SquintCore

extension AppState {
    /// How a person sets the key, in one line.
    public static let missingKeyMessage = "no API key: set GEMINI_API_KEY (export GEMINI_API_KEY=…, key from https://aistudio.google.com/apikey)"

    /// Asks about the marked images (or the selected one). `words` are the person's: the question, or what a
    /// spatial task looks for (nil: the task's default).
    mutating func startRequest(_ task: AskTask, words: String?) -> [Effect] {
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
        if task.isSpatial && images.count > 1 {
            // Boxes only make sense on one picture: use the selected (or first marked) image.
            images = [selectedImage ?? images[0]]
        }
        lastTask = RepeatableTask(task: task, words: words)
        var question = Question(task: task, imagePaths: images, words: words, model: model)
        // A question continues the conversation about these images (their earlier turns go with it), unless
        // the person asked for a new one.
        question.continuesImageConversation = task == .question && !startsNewConversation
        if task == .question { startsNewConversation = false }
        let spec = RequestSpec(id: nextRequestID, question: question)
        nextRequestID += 1
        request = RunningRequest(spec: spec, startedAt: now, text: "", spatial: task.isSpatial ? SpatialStreamParser() : nil)
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
        requestProgress = nil
        if !task.isSpatial { marked = [] }
        if focus == .prompt && task != .question { focus = .files }
        return [.startRequest(spec)]
    }

    mutating func finishRequest(id: Int, answer: StoredAnswer?, detections found: [StoredDetection], notes: [String]) -> [Effect] {
        guard let running = request, running.spec.id == id else { return [] }
        request = nil
        requestProgress = nil
        let spatial = running.spec.question.task.isSpatial
        var effects: [Effect] = []
        if running.image == answerImage {
            storedAnswer = answer
            if let id = answer?.conversationID { effects.append(.loadThread(image: running.image, conversation: id)) }
            if spatial {
                detections = found
                savingReviews = [:]
                selectedDetection = found.isEmpty ? nil : 0
                detectionTop = 0
                zoomed = false
                // A summary is read from its heading: the stream followed the tail, the result starts at the top.
                answerScroll = 0
                effects.append(.redrawPicture)
            }
        }
        // Every image of a multi-image question is answered now.
        for image in running.spec.question.imagePaths {
            guard let index = entries.firstIndex(where: { path(of: $0.name) == image }) else { continue }
            if spatial && image == running.image {
                entries[index].mark = found.contains { $0.review == .pending } ? .pendingReview : .answered
            } else if entries[index].mark == .none {
                entries[index].mark = .answered
            }
        }
        if spatial {
            let extra = notes.isEmpty ? "" : "; " + notes.joined(separator: "; ")
            info = (found.isEmpty ? "nothing found" : "\(found.count) found — a accept, x reject, n next") + extra
        } else if let note = notes.first {
            info = note
        }
        return spatial ? effects + countsEffect : effects
    }

    mutating func failRequest(id: Int, message: ErrorReport, answer: StoredAnswer?) -> [Effect] {
        guard let running = request, running.spec.id == id else { return [] }
        request = nil
        requestProgress = nil
        if running.image == answerImage, let answer { storedAnswer = answer }
        var failure = message
        let task = running.spec.question.task
        failure.action = failure.action ?? "\(task == .question ? "ask" : task.rawValue) failed"
        failure.details.append(ErrorReport.Detail("model", running.spec.question.model))
        report(failure)
        if running.image == answerImage && detectionsAreProvisional {
            // The provisional boxes go; what the store kept of the partial answer (if anything) comes back.
            detections = []
            selectedDetection = nil
            return [.loadRecord(running.image), .redrawPicture]
        }
        return []
    }

    /// A piece of the answer. A spatial answer is read as it comes (each piece once); when it closes new
    /// objects, they show on the picture as provisional boxes — so the picture is drawn again once per
    /// object, not once per token.
    mutating func appendAnswer(id: Int, text: String) -> [Effect] {
        guard var running = request, running.spec.id == id else { return [] }
        request = nil  // no second copy of the text while it grows
        running.text += text
        let closed = running.spatial?.feed(text) ?? 0
        request = running
        guard closed > 0, running.image == answerImage, let provisional = provisionalDetections() else { return [] }
        detections = provisional
        selectedDetection = nil
        savingReviews = [:]
        return [.redrawPicture]
    }

    /// The running spatial answer's objects so far as detections not yet in the store (negative ids), when it
    /// belongs to the image shown and has any. Coordinates stay on the model's 0–1000 grid (`imageSize`
    /// 1000×1000): overlays are drawn relative to the image size, so the picture needs nothing else.
    func provisionalDetections() -> [StoredDetection]? {
        guard let running = request, running.image == answerImage, let stream = running.spatial else { return nil }
        let grid = PixelSize(width: 1000, height: 1000)
        let found = stream.detections(imageSize: grid)
        guard !found.isEmpty else { return nil }
        return found.map { detection in
            StoredDetection(id: -Int64(detection.sourceIndex + 1), answerID: 0, imagePath: running.image, imageSize: grid, detection: detection)
        }
    }
}
