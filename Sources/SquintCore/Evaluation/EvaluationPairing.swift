import Foundation

/// Joins a truth source and a prediction source into an `EvaluationSet`.
///
/// The rules, in the order they apply:
/// - A COCO results list's `image_id` and `category_id` are the truth file's (as for pycocotools), so it needs
///   a COCO truth file; it covers every truth image, and entries naming images or categories the truth lacks
///   are left out (pycocotools refuses the former and ignores the latter).
/// - Otherwise images are matched by name (`ImageNameMatcher`: a stored path, or a COCO `file_name` as a
///   relative path or a bare file name when that is unambiguous), and categories by name — exactly, else
///   ignoring case and surrounding spaces when that picks one truth category. Prediction labels the truth does
///   not have become categories without truth (false positives for precision; no AP).
/// - Only truth images the predictions cover are evaluated: every image of a results list, the `images` of a
///   COCO file, the images with an answer (possibly empty) in the store. Then `selection` keeps its images.
/// - Images keep the truth's order (COCO ids ascending, as COCOeval sorts them; stored paths sorted), boxes the
///   sources' order. Predictions without scores are ranked by their place in their image's list.
public enum EvaluationPairing {
    public static func pair(truth: SourceBoxes, predictions: SourceBoxes, selection: ImageSelection = ImageSelection()) throws(EvaluationError) -> PairedEvaluation {
        if truth.kind == .resultsList { throw .resultsAsTruth(truth.source.description) }
        if predictions.kind == .resultsList && truth.kind != .dataset { throw .resultsNeedCOCOTruth(predictions.source.description) }
        var notes: [String] = []

        // Truth images in COCOeval's order, one per id.
        var seen: Set<Int> = []
        let truthImages = truth.images.filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }

        // Which prediction image each truth image is (nil: not covered).
        var covering: [Int?]
        var predictionImage: [Int: Int] = [:]  // prediction image id → truth image position
        if predictions.kind == .resultsList {
            covering = truthImages.map { Optional($0.id) }
        } else {
            let matcher = ImageNameMatcher(predictions.images.map(\.name))
            covering = []
            var claims: [Int: Int] = [:]
            var ambiguous = 0
            for image in truthImages {
                let found = matcher.matches(image.name)
                if found.count > 1 { ambiguous += 1 }
                let id = found.count == 1 ? predictions.images[found[0]].id : nil
                if let id { claims[id, default: 0] += 1 }
                covering.append(id)
            }
            // A prediction image two truth images claim (a bare file name) is ambiguous too.
            for (index, id) in covering.enumerated() {
                if let id, claims[id, default: 0] > 1 {
                    covering[index] = nil
                    ambiguous += 1
                }
            }
            if ambiguous > 0 { notes.append("\(count(ambiguous, "truth image")) left out: the name matches more than one image, or one another truth image matches too (give fuller file names)") }
            let uncovered = covering.filter { $0 == nil }.count - ambiguous
            if uncovered > 0 { notes.append("\(count(uncovered, "truth image")) not in \(predictions.source): left out") }
        }

        // Selection, then the evaluated images' names (a stored path wins: it is absolute).
        let predictionNames = Dictionary(predictions.images.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var imageNames: [String] = []
        var truthImagePosition: [Int: Int] = [:]  // truth image id → evaluated index
        var unselected = 0
        for (image, cover) in zip(truthImages, covering) {
            guard let cover else { continue }
            let name = truth.kind != .stored && predictions.kind == .stored ? (predictionNames[cover] ?? image.name) : image.name
            guard selection.contains(name) else {
                unselected += 1
                continue
            }
            truthImagePosition[image.id] = imageNames.count
            predictionImage[cover] = imageNames.count
            imageNames.append(name)
        }
        guard !imageNames.isEmpty else {
            throw .noOverlap(truth: truth.source.description, predictions: predictions.source.description)
        }
        if predictions.kind != .resultsList {
            let matched = Set(predictionImage.keys)
            let extra = Set(predictions.images.map(\.id)).subtracting(matched).count
            if extra > 0 && selection.isEverything { notes.append("\(count(extra, "image")) of \(predictions.source) not in \(truth.source): left out") }
        }

        // Categories: the truth's by id, then labels only the predictions have.
        var categories = truth.categories.sorted { $0.id < $1.id }.map(\.name)
        var truthCategory: [Int: Int] = [:]
        for (index, category) in truth.categories.sorted(by: { $0.id < $1.id }).enumerated() where truthCategory[category.id] == nil {
            truthCategory[category.id] = index
        }
        var predictionCategory: [Int: Int] = [:]
        if predictions.kind == .resultsList {
            predictionCategory = truthCategory
        } else {
            var exact: [String: Int] = [:], loose: [String: [Int]] = [:]
            for (index, name) in categories.enumerated() {
                if exact[name] == nil { exact[name] = index }
                loose[folded(name), default: []].append(index)
            }
            var extra: [String] = []
            for category in predictions.categories {
                if let index = exact[category.name] ?? loose[folded(category.name)].flatMap({ $0.count == 1 ? $0[0] : nil }) {
                    predictionCategory[category.id] = index
                } else {
                    extra.append(category.name)
                }
            }
            for name in Set(extra).sorted() {
                let index = categories.count
                categories.append(name)
                for category in predictions.categories where category.name == name { predictionCategory[category.id] = index }
            }
        }

        var truths: [EvaluationTruth] = []
        truths.reserveCapacity(truth.boxes.count)
        for box in truth.boxes {
            guard let image = truthImagePosition[box.imageID], let category = truthCategory[box.categoryID] else { continue }
            truths.append(EvaluationTruth(image: image, category: category, box: box.box, area: box.area, isCrowd: box.isCrowd, id: box.id))
        }
        let byOrder = predictions.isRankedByOrder
        var found: [EvaluationPrediction] = []
        found.reserveCapacity(predictions.boxes.count)
        var strayImages = 0, strayCategories = 0
        let knownImages = predictions.kind == .resultsList ? Set(truthImages.map(\.id)) : []
        for box in predictions.boxes {
            guard let image = predictionImage[box.imageID] else {
                if predictions.kind == .resultsList && !knownImages.contains(box.imageID) { strayImages += 1 }
                continue
            }
            guard let category = predictionCategory[box.categoryID] else {
                strayCategories += 1
                continue
            }
            // Best first: the first box of an image ranks highest, ties across images keep the images' order.
            let score = byOrder ? 1 / Double(box.position + 1) : box.score ?? 0
            found.append(EvaluationPrediction(image: image, category: category, box: box.box, score: score))
        }
        if strayImages > 0 { notes.append("\(count(strayImages, "prediction")) left out: image ids \(truth.source) does not have") }
        if strayCategories > 0 { notes.append("\(count(strayCategories, "prediction")) left out: category ids \(truth.source) does not have") }
        if byOrder {
            if case .gemini = predictions.source {
                notes.append("Gemini's boxes have no scores: ranked by the order the model gave them (first = most confident)")
            } else {
                notes.append("\(predictions.source) has boxes without scores: every box ranked by its place in its image's list")
            }
        }
        let set = EvaluationSet(imageCount: imageNames.count, categories: categories, truths: truths, predictions: found)
        return PairedEvaluation(set: set, imageNames: imageNames, notes: notes, isRankedByOrder: byOrder)
    }

    private static func folded(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }

    private static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }
}
