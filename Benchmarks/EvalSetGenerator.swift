import Foundation

/// A COCO val2017-sized truth file and detector-like results, from a seed: on average 7 boxes per image (a few
/// crowds), COCO's mix of small, medium and large boxes, and results that jitter the truth, miss some, confuse
/// some classes, duplicate some, and add false positives.
struct EvalSetGenerator {
    var seed: UInt64
    var images: Int

    /// COCO's 80 category ids (1–90 with gaps).
    static let categoryIDs = Array((1...90).filter { ![12, 26, 29, 30, 45, 66, 68, 69, 71, 83].contains($0) })

    func write(truth: String, results: String) throws -> (truths: Int, predictions: Int) {
        var random = SplitMix(state: seed)
        var truthText = "{\"info\": {\"description\": \"squint-bench eval\"}, \"images\": ["
        var annotations: [String] = []
        var found: [String] = []
        func number(_ value: Double) -> String { String(format: "%.2f", value) }
        func box(_ values: [Double]) -> String { "[" + values.map(number).joined(separator: ", ") + "]" }
        func side() -> Double {
            let pick = Double.random(in: 0..<1, using: &random)
            return pick < 0.41 ? .random(in: 4...31, using: &random) : pick < 0.75 ? .random(in: 33...95, using: &random) : .random(in: 97...400, using: &random)
        }
        for image in 1...images {
            truthText += (image == 1 ? "" : ", ") + "{\"id\": \(image), \"file_name\": \"\(String(format: "%012d", image)).jpg\", \"width\": 640, \"height\": 480}"
            for _ in 0..<Int.random(in: 0...14, using: &random) {
                let category = Self.categoryIDs.randomElement(using: &random)!
                let width = side(), height = min(470, side() * .random(in: 0.7...1.3, using: &random))
                let bbox = [Double.random(in: 0...max(1, 640 - width), using: &random), Double.random(in: 0...max(1, 480 - height), using: &random), width, height]
                let crowd = Double.random(in: 0..<1, using: &random) < 0.01
                let area = width * height * .random(in: 0.55...0.9, using: &random)
                annotations.append("{\"id\": \(annotations.count + 1), \"image_id\": \(image), \"category_id\": \(category), \"bbox\": \(box(bbox)), \"area\": \(number(area)), \"iscrowd\": \(crowd ? 1 : 0)}")
                if crowd || Double.random(in: 0..<1, using: &random) < 0.15 { continue }
                let jitter = [0.02, 0.05, 0.1, 0.2, 0.4].randomElement(using: &random)!
                let moved = [bbox[0] + width * .random(in: -jitter...jitter, using: &random), bbox[1] + height * .random(in: -jitter...jitter, using: &random),
                             width * (1 + .random(in: -jitter...jitter, using: &random)), height * (1 + .random(in: -jitter...jitter, using: &random))]
                let label = Double.random(in: 0..<1, using: &random) < 0.1 ? Self.categoryIDs.randomElement(using: &random)! : category
                let score = Double.random(in: 0.05...1, using: &random)
                found.append("{\"image_id\": \(image), \"category_id\": \(label), \"bbox\": \(box(moved)), \"score\": \(String(format: "%.3f", score))}")
                if Double.random(in: 0..<1, using: &random) < 0.15 {
                    found.append("{\"image_id\": \(image), \"category_id\": \(label), \"bbox\": \(box(moved.map { $0 + 2 })), \"score\": \(String(format: "%.3f", score * 0.6))}")
                }
            }
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                let width = side(), height = side()
                let bbox = [Double.random(in: 0...600, using: &random), Double.random(in: 0...440, using: &random), width, height]
                found.append("{\"image_id\": \(image), \"category_id\": \(Self.categoryIDs.randomElement(using: &random)!), \"bbox\": \(box(bbox)), \"score\": \(String(format: "%.3f", Double.random(in: 0.01...0.7, using: &random)))}")
            }
        }
        truthText += "], \"annotations\": [" + annotations.joined(separator: ", ") + "], \"categories\": ["
        truthText += Self.categoryIDs.map { "{\"id\": \($0), \"name\": \"class\($0)\", \"supercategory\": \"thing\"}" }.joined(separator: ", ") + "]}\n"
        try Data(truthText.utf8).write(to: URL(fileURLWithPath: truth))
        try Data(("[" + found.joined(separator: ", ") + "]\n").utf8).write(to: URL(fileURLWithPath: results))
        return (annotations.count, found.count)
    }
}

/// SplitMix64: the same sets on every run and machine.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
