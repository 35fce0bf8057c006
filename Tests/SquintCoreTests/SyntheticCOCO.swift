import Foundation

/// A small deterministic generator (SplitMix64), so generated evaluation sets are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Generated COCO truth and results with everything COCOeval has a rule for: misses, false positives, class
/// confusions, duplicates, crowd regions, boxes in every area range (and `area` fields that are not w×h),
/// images without truth, a category without truth and one without detections, tied scores, exact-IoU ties,
/// and one crowded image with more than 100 detections.
enum SyntheticCOCO {
    struct Files {
        var truth: [String: Any]
        var results: [[String: Any]]
    }

    static func make(seed: UInt64, images imageCount: Int = 60, categories categoryCount: Int = 7) -> Files {
        var random = SeededGenerator(seed: seed)
        // Ids spaced and listed out of order: COCOeval sorts them, so must we.
        let categoryIDs = (0..<categoryCount).map { 2 * $0 + 1 }
        let categories: [[String: Any]] = categoryIDs.shuffled(using: &random).map { ["id": $0, "name": "class\($0)", "supercategory": "thing"] }
        let withTruth = Array(categoryIDs.dropLast())  // the last category never has truth
        let detected = Array(categoryIDs.dropFirst())  // the first never gets a detection of its own
        let imageIDs = (0..<imageCount).map { 1000 + 7 * $0 }.shuffled(using: &random)
        var images: [[String: Any]] = []
        var annotations: [[String: Any]] = []
        var results: [[String: Any]] = []

        func round2(_ value: Double) -> Double { (value * 100).rounded() / 100 }
        func score() -> Double { round2(Double.random(in: 0.05...1, using: &random)) }
        func sizeClass() -> Double {
            switch Int.random(in: 0..<3, using: &random) {
            case 0: Double.random(in: 4...30, using: &random)
            case 1: Double.random(in: 33...90, using: &random)
            default: Double.random(in: 100...300, using: &random)
            }
        }
        func result(_ image: Int, _ category: Int, _ box: [Double], _ score: Double) {
            results.append(["image_id": image, "category_id": category, "bbox": box.map(round2), "score": score])
        }

        for (position, image) in imageIDs.enumerated() {
            images.append(["id": image, "file_name": "val/\(String(format: "%06d", image)).jpg", "width": 640, "height": 480])
            let truthCount = position % 9 == 4 ? 0 : Int.random(in: 1...9, using: &random)
            for _ in 0..<truthCount {
                let category = withTruth.randomElement(using: &random)!
                let width = sizeClass(), height = sizeClass() * Double.random(in: 0.6...1.4, using: &random)
                let x = round2(Double.random(in: 0...(640 - min(width, 600)), using: &random))
                let y = round2(Double.random(in: 0...(480 - min(height, 460)), using: &random))
                let box = [x, y, round2(width), round2(height)]
                let crowd = Double.random(in: 0..<1, using: &random) < 0.06
                // Mask areas are smaller than their boxes; sometimes that moves a box to a smaller range.
                let area = box[2] * box[3] * (Double.random(in: 0..<1, using: &random) < 0.5 ? 1 : Double.random(in: 0.5...1, using: &random))
                annotations.append(["id": annotations.count + 1, "image_id": image, "category_id": category, "bbox": box,
                                    "area": area, "iscrowd": crowd ? 1 : 0, "segmentation": [[x, y, x + box[2], y, x + box[2], y + box[3]]]])
                let label = detected.contains(category) ? category : detected[0]
                if crowd {
                    for _ in 0..<3 {
                        let w = box[2] * Double.random(in: 0.2...0.5, using: &random), h = box[3] * Double.random(in: 0.2...0.5, using: &random)
                        result(image, label, [x + Double.random(in: 0...(box[2] - w), using: &random), y + Double.random(in: 0...(box[3] - h), using: &random), w, h], score())
                    }
                    continue
                }
                if Double.random(in: 0..<1, using: &random) < 0.15 { continue }  // a miss
                let jitter = [0.0, 0.02, 0.08, 0.2, 0.35].randomElement(using: &random)!
                let detection = [box[0] + box[2] * Double.random(in: -jitter...jitter, using: &random),
                                 box[1] + box[3] * Double.random(in: -jitter...jitter, using: &random),
                                 box[2] * (1 + Double.random(in: -jitter...jitter, using: &random)),
                                 box[3] * (1 + Double.random(in: -jitter...jitter, using: &random))]
                let confused = Double.random(in: 0..<1, using: &random) < 0.1
                let predicted = confused ? detected.randomElement(using: &random)! : label
                let confidence = score()
                result(image, predicted, detection, confidence)
                if Double.random(in: 0..<1, using: &random) < 0.12 {
                    // A duplicate: the exact truth box (IoU 1) or close to it, ranked a little lower.
                    let exact = Bool.random(using: &random)
                    result(image, predicted, exact ? box : detection.map { $0 + 1.5 }, round2(max(0.01, confidence - 0.05)))
                }
            }
            for _ in 0..<Int.random(in: 0...3, using: &random) {  // false positives anywhere, of any detected class
                let w = sizeClass(), h = sizeClass()
                result(image, detected.randomElement(using: &random)!,
                       [Double.random(in: 0...500, using: &random), Double.random(in: 0...400, using: &random), w, h], score())
            }
            if position == 7 {
                // A crowded image: 130 detections of one class, only the best 100 count.
                for index in 0..<130 {
                    let x = Double(index % 13) * 45, y = Double(index / 13) * 45
                    if index % 3 == 0 {
                        annotations.append(["id": annotations.count + 1, "image_id": image, "category_id": detected[1],
                                            "bbox": [x, y, 40.0, 40.0], "area": 1600.0, "iscrowd": 0])
                    }
                    result(image, detected[1], [x + 1, y + 1, 40, 40], score())
                }
            }
        }
        annotations.shuffle(using: &random)
        results.shuffle(using: &random)
        let truth: [String: Any] = ["info": ["description": "synthetic"], "images": images, "annotations": annotations, "categories": categories]
        return Files(truth: truth, results: results)
    }

    /// Writes the two files into `folder` and returns their paths.
    static func write(_ files: Files, to folder: URL) throws -> (truth: String, results: String) {
        let truth = folder.appendingPathComponent("truth.json"), results = folder.appendingPathComponent("results.json")
        try JSONSerialization.data(withJSONObject: files.truth).write(to: truth)
        try JSONSerialization.data(withJSONObject: files.results).write(to: results)
        return (truth.path, results.path)
    }
}
