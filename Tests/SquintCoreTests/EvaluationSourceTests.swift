import Foundation
import Imaging
import Testing
@testable import SquintCore

/// Reading `squint eval`'s sources and joining them: the SOURCE syntax, COCO files and their errors, image and
/// category matching by name, and label sets and Gemini's answers read from the store.
@Suite struct EvaluationSourceTests {
    @Test func sourceSyntax() throws {
        #expect(try EvaluationSource(parsing: "store:gt") == .labelSet("gt"))
        #expect(try EvaluationSource(parsing: "gemini") == .gemini(task: nil, model: nil))
        #expect(try EvaluationSource(parsing: "gemini:segment") == .gemini(task: .segment, model: nil))
        #expect(try EvaluationSource(parsing: "gemini:detect:gemini-2.5-flash") == .gemini(task: .detect, model: "gemini-2.5-flash"))
        #expect(try EvaluationSource(parsing: "gemini::gemini-2.5-pro") == .gemini(task: nil, model: "gemini-2.5-pro"))
        #expect(try EvaluationSource(parsing: "gemini::gemini-2.5-pro").description == "gemini::gemini-2.5-pro")
        #expect(try EvaluationSource(parsing: "val/gt.json") == .file("val/gt.json"))
        #expect(try EvaluationSource(parsing: "./gemini") == .file("./gemini"))
        #expect(throws: EvaluationError.self) { try EvaluationSource(parsing: "store:") }
        #expect(throws: EvaluationError.self) { try EvaluationSource(parsing: "gemini:caption") }
        #expect(throws: EvaluationError.self) { try EvaluationSource(parsing: "gemini:point") }
    }

    @Test func cocoFileErrorsNameTheFileAndThePlace() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        func failure(_ contents: String?) -> String {
            let path = folder.appendingPathComponent("\(UUID().uuidString).json").path
            if let contents { try? Data(contents.utf8).write(to: URL(fileURLWithPath: path)) }
            do {
                _ = try SourceBoxes.readCOCO(path: path)
                return "read"
            } catch {
                return String(describing: error).replacingOccurrences(of: path, with: "F")
            }
        }
        #expect(failure(nil) == "F: no such file")
        #expect(failure("") == "F: not a COCO file: the file is empty")
        #expect(failure("{\"images\": [") == "F: not a COCO file: not JSON")
        #expect(failure("{\"annotations\": []}") == "F: not a COCO file: no images")
        #expect(failure(#"{"images": [], "annotations": [{"image_id": 1, "category_id": 1, "bbox": [1, 2, 3]}]}"#)
            == "F: not a COCO file: annotations[0].bbox: expected [x, y, width, height]")
        #expect(failure(#"[{"image_id": 1, "category_id": 1, "bbox": [1, 2, 3, 4]}]"#) == "F: not a COCO file: [0]: no score")
        #expect(failure(#"[{"image_id": "a", "category_id": 1, "bbox": [1, 2, 3, 4], "score": 1}]"#).hasPrefix("F: not a COCO file: [0].image_id: "))
    }

    @Test func aDatasetAndAResultsListReadBack() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let truth = folder.appendingPathComponent("gt.json"), results = folder.appendingPathComponent("res.json")
        try Data(#"""
            {"images": [{"id": 7, "file_name": "a.jpg"}], "categories": [{"id": 3, "name": "cat"}],
             "annotations": [{"id": 9, "image_id": 7, "category_id": 3, "bbox": [1, 2, 30, 40], "iscrowd": true},
                             {"image_id": 7, "category_id": 3, "bbox": [5, 5, 10, 10], "area": 50}]}
            """#.utf8).write(to: truth)
        try Data(#"[{"image_id": 7, "category_id": 3, "bbox": [1.5, 2, 30, 40], "score": 0.25}]"#.utf8).write(to: results)
        let dataset = try SourceBoxes.readCOCO(path: truth.path)
        #expect(dataset.kind == .dataset)
        #expect(dataset.images == [SourceImage(id: 7, name: "a.jpg")])
        #expect(dataset.boxes.map(\.isCrowd) == [true, false])
        #expect(dataset.boxes.map(\.area) == [nil, 50])
        #expect(dataset.boxes.map(\.id) == [9, 2])
        let list = try SourceBoxes.readCOCO(path: results.path)
        #expect(list.kind == .resultsList && list.boxes[0].score == 0.25 && list.boxes[0].box.x == 1.5)

        let paired = try EvaluationPairing.pair(truth: dataset, predictions: list)
        #expect(paired.set.truths.map(\.area) == [1200, 50], "w × h when the file gives no area")
        #expect(throws: EvaluationError.self) { try EvaluationPairing.pair(truth: list, predictions: dataset) }
    }

    static func dataset(_ names: [String], categories: [String] = ["cat"], boxes: [SourceBox] = [], source: String = "gt.json") -> SourceBoxes {
        SourceBoxes(source: .file(source), kind: .dataset, images: names.enumerated().map { SourceImage(id: $0.offset + 1, name: $0.element) },
                    categories: categories.enumerated().map { SourceCategory(id: $0.offset + 1, name: $0.element) }, boxes: boxes)
    }

    static func box(image: Int, category: Int, score: Double? = nil, position: Int = 0) -> SourceBox {
        SourceBox(imageID: image, categoryID: category, box: EvaluationBox(x: 0, y: 0, width: 10, height: 10), score: score,
                  position: position, id: 1)
    }

    @Test func imagesMatchByPathTailAndCategoriesByName() throws {
        let truth = Self.dataset(["val/a.jpg", "val/b.jpg", "c.jpg"], categories: ["Cat", "dog"],
                                 boxes: [Self.box(image: 1, category: 1), Self.box(image: 3, category: 2)])
        let stored = SourceBoxes(
            source: .gemini(task: nil, model: nil), kind: .stored,
            images: [SourceImage(id: 0, name: "/data/coco/val/a.jpg"), SourceImage(id: 1, name: "/elsewhere/c.jpg"),
                     SourceImage(id: 2, name: "/data/coco/val/z.jpg")],
            categories: [SourceCategory(id: 0, name: "cat "), SourceCategory(id: 1, name: "bird")],
            boxes: [Self.box(image: 0, category: 0, position: 0), Self.box(image: 0, category: 1, position: 1), Self.box(image: 1, category: 0, position: 0)])
        let paired = try EvaluationPairing.pair(truth: truth, predictions: stored)
        #expect(paired.imageNames == ["/data/coco/val/a.jpg", "/elsewhere/c.jpg"], "stored paths name the images")
        #expect(paired.set.categories == ["Cat", "dog", "bird"], "`cat ` is the truth's Cat; bird is new")
        #expect(paired.set.predictions.map(\.category) == [0, 2, 0])
        #expect(paired.set.predictions.map(\.score) == [1, 0.5, 1], "no scores: ranked by place in the image's list")
        #expect(paired.isRankedByOrder)
        #expect(paired.notes.contains("1 truth image not in gemini: left out"))
        #expect(paired.notes.contains("1 image of gemini not in gt.json: left out"))
        #expect(paired.notes.contains { $0.hasPrefix("Gemini's boxes have no scores") })

        let only = try EvaluationPairing.pair(truth: truth, predictions: stored, selection: ImageSelection(files: ["/elsewhere/c.jpg"]))
        #expect(only.imageNames == ["/elsewhere/c.jpg"])
        let folder = try EvaluationPairing.pair(truth: truth, predictions: stored, selection: ImageSelection(folders: ["/data/coco/"]))
        #expect(folder.imageNames == ["/data/coco/val/a.jpg"])
    }

    @Test func aRelativeFileArgumentMatchesTheTailOfAFileName() {
        let selection = ImageSelection(paths: ["000139.jpg", "/abs/\(UUID().uuidString).jpg"])
        #expect(selection.contains("val/000139.jpg"), "as the documentation says: 000139.jpg keeps val/000139.jpg")
        #expect(selection.contains("/data/coco/val/000139.jpg"))
        #expect(selection.contains(Store.canonicalPath("000139.jpg")), "and the file of that name here")
        #expect(!selection.contains("val/000140.jpg"))
    }

    @Test func aBareNameMatchingTwoImagesIsLeftOut() throws {
        let truth = Self.dataset(["x/a.jpg", "y/a.jpg", "b.jpg"])
        let predictions = Self.dataset(["a.jpg", "b.jpg"], source: "pred.json")
        let paired = try EvaluationPairing.pair(truth: truth, predictions: predictions)
        #expect(paired.imageNames == ["b.jpg"])
        #expect(paired.notes.first == "2 truth images left out: the name matches more than one image, or one another truth image matches too (give fuller file names)")
        #expect(throws: EvaluationError.noOverlap(truth: "gt.json", predictions: "pred.json")) {
            try EvaluationPairing.pair(truth: Self.dataset(["q.jpg"]), predictions: predictions)
        }
    }

    @Test func aResultsListNeedsACOCOTruth() {
        let results = SourceBoxes(source: .file("res.json"), kind: .resultsList, images: [], categories: [], boxes: [])
        let stored = SourceBoxes(source: .labelSet("gt"), kind: .stored, images: [SourceImage(id: 0, name: "/a.jpg")], categories: [], boxes: [])
        #expect(throws: EvaluationError.resultsNeedCOCOTruth("res.json")) { try EvaluationPairing.pair(truth: stored, predictions: results) }
    }

    @Test func resultsForUnknownImagesAndCategoriesAreLeftOutWithANote() throws {
        let truth = Self.dataset(["a.jpg"], boxes: [Self.box(image: 1, category: 1)])
        let results = SourceBoxes(source: .file("res.json"), kind: .resultsList, images: [], categories: [],
                                  boxes: [Self.box(image: 1, category: 1, score: 0.5), Self.box(image: 2, category: 1, score: 0.5),
                                          Self.box(image: 1, category: 8, score: 0.5)])
        let paired = try EvaluationPairing.pair(truth: truth, predictions: results)
        #expect(paired.set.predictions.count == 1)
        #expect(paired.notes == ["1 prediction left out: image ids gt.json does not have", "1 prediction left out: category ids gt.json does not have"])
    }

    // MARK: - The store

    static let size = PixelSize(width: 640, height: 480)

    static func draft(_ path: String, labelSet: LabelSet? = nil, model: String = "gemini-2.5-flash", at seconds: Double,
                      task: AskTask = .detect, complete: Bool = true) -> AnswerDraft {
        AnswerDraft(imagePath: path, task: task, question: "objects", text: "[]", model: model, imageSize: size,
                    isComplete: complete, createdAt: Date(timeIntervalSince1970: seconds), labelSet: labelSet)
    }

    static func detection(_ label: String, _ x: Double, _ position: Int, score: Double? = nil) -> Detection {
        Detection(label: label, kind: .box, box: PixelBox(x0: x, y0: 10, x1: x + 50, y1: 60), sourceIndex: position, score: score)
    }

    @Test func labelSetsAndGeminiAnswersReadFromTheStore() async throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store(url: folder.appendingPathComponent("squint.db"))
        let a = folder.appendingPathComponent("a.jpg").path, b = folder.appendingPathComponent("b.jpg").path
        try Data("a".utf8).write(to: URL(fileURLWithPath: a))
        try Data("b".utf8).write(to: URL(fileURLWithPath: b))
        let truth = LabelSet(name: "gt", role: .truth)
        try await store.saveAnswer(Self.draft(a, labelSet: truth, at: 10), detections: [Self.detection("cat", 0, 0), Self.detection("dog", 100, 1)])
        try await store.saveAnswer(Self.draft(b, labelSet: truth, at: 10), detections: [Self.detection("cat", 0, 0)])
        // Gemini: an older answer from another model, an incomplete newer one, and the current one per image.
        try await store.saveAnswer(Self.draft(a, model: "gemini-2.5-pro", at: 20), detections: [Self.detection("cat", 300, 0)])
        let current = try await store.saveAnswer(Self.draft(a, at: 30), detections: [Self.detection("cat", 1, 0), Self.detection("dog", 100, 1),
                                                                                      Self.detection("cat", 200, 2)])
        try await store.saveAnswer(Self.draft(a, at: 40, complete: false), detections: [])
        try await store.saveAnswer(Self.draft(b, at: 30), detections: [])

        let gt = try await SourceBoxes.read(.labelSet("gt"), store: store)
        #expect(gt.images.map(\.name) == [a, b])
        #expect(gt.categories.map(\.name) == ["cat", "dog"])
        #expect(gt.boxes.count == 3)

        // A person rejects Gemini's dog and relabels the third box.
        let stored = try await store.detections(answerID: current.answerID)
        try await store.setReview(detectionID: stored[1].id, to: .rejected)
        try await store.setReview(detectionID: stored[2].id, to: .relabelled("dog"))

        let gemini = try await SourceBoxes.read(.gemini(task: nil, model: nil), store: store)
        #expect(gemini.images.map(\.name) == [a, b], "b's latest answer found nothing: it is covered, with no boxes")
        #expect(gemini.boxes.map(\.box.x) == [1, 200], "the rejected box is left out")
        #expect(gemini.boxes.map { gemini.categories[$0.categoryID].name } == ["cat", "dog"], "relabelled counts as the new label")
        #expect(gemini.boxes.map(\.position) == [0, 1])
        #expect(gemini.isRankedByOrder)

        let pro = try await SourceBoxes.read(.gemini(task: .detect, model: "gemini-2.5-pro"), store: store)
        #expect(pro.images.map(\.name) == [a] && pro.boxes.map(\.box.x) == [300])
        let segments = try await SourceBoxes.read(.gemini(task: .segment, model: nil), store: store)
        #expect(segments.images.isEmpty)
        await #expect(throws: EvaluationError.noSuchLabelSet("nope")) { try await SourceBoxes.read(.labelSet("nope"), store: store) }

        let paired = try EvaluationPairing.pair(truth: gt, predictions: gemini)
        let report = await COCOEvaluator.evaluate(paired.set)
        // a: cat found (IoU 49·50/(51·50) ≈ 0.96), the dog at 200 is a false positive, the rejected dog a miss; b: a miss.
        #expect(report.classes.map(\.name) == ["cat", "dog"])
        #expect(report.classes.map(\.truePositives) == [1, 0])
        #expect(report.classes.map(\.falsePositives) == [0, 1])
        #expect(report.recall == 1.0 / 3.0)
    }
}
