extension SourceBoxes {
    /// Reads a stored source: a label set (`store:NAME`) or Gemini's answers (`gemini[:TASK[:MODEL]]`).
    ///
    /// Boxes are taken as review left them: a rejected box is left out, a relabelled one counts under its new
    /// label, an edited one with its edited geometry, and boxes a person added count too. Points have no box and
    /// are skipped. Stored boxes have no `area` field (their area is the box's); imported COCO crowd regions stay
    /// crowds.
    public static func read(_ source: EvaluationSource, store: Store) async throws -> SourceBoxes {
        let images: [StoredLabelImage]
        switch source {
        case .file(let path):
            return try readCOCO(path: path)
        case .labelSet(let name):
            guard let found = try await store.labelSetImages(named: name) else { throw EvaluationError.noSuchLabelSet(name) }
            images = found
        case .gemini(let task, let model):
            images = try await store.geminiImages(task: task, model: model)
        }
        return stored(images, source: source)
    }

    /// Stored images and their detections as one side of an evaluation: images by path, categories by label.
    public static func stored(_ images: [StoredLabelImage], source: EvaluationSource) -> SourceBoxes {
        var labels: Set<String> = []
        for image in images {
            for detection in image.detections where detection.review != .rejected && detection.effectiveBox != nil {
                labels.insert(detection.effectiveLabel)
            }
        }
        let categories = labels.sorted().enumerated().map { SourceCategory(id: $0.offset, name: $0.element) }
        let categoryID = Dictionary(uniqueKeysWithValues: categories.map { ($0.name, $0.id) })
        var boxes: [SourceBox] = []
        for (index, image) in images.enumerated() {
            var position = 0
            for detection in image.detections where detection.review != .rejected {
                guard let box = detection.effectiveBox, let category = categoryID[detection.effectiveLabel] else { continue }
                boxes.append(SourceBox(imageID: index, categoryID: category, box: EvaluationBox(box), isCrowd: detection.detection.isCrowd,
                                       score: detection.detection.score, position: position, id: boxes.count + 1))
                position += 1
            }
        }
        return SourceBoxes(source: source, kind: .stored, images: images.enumerated().map { SourceImage(id: $0.offset, name: $0.element.path) },
                           categories: categories, boxes: boxes)
    }
}
