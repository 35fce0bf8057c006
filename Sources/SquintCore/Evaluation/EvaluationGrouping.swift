/// Truths and predictions ordered by (category, image), so the evaluator walks one category's images with two
/// cursors instead of looking boxes up in a dictionary — and without a bucket per (category, image) pair, which
/// LVIS-sized sets (1 203 categories × 20 000 images) could not afford.
///
/// Within an image the boxes keep the set's order, which is pycocotools' order (it groups annotations into
/// per-(image, category) lists in file order).
struct EvaluationGrouping: Sendable {
    private let truthImages: [Int]
    private let predictionImages: [Int]
    private let truthOrder: [Int]
    private let truthStarts: [Int]
    private let predictionOrder: [Int]
    private let predictionStarts: [Int]

    init(_ set: EvaluationSet) {
        truthImages = set.truths.map(\.image)
        predictionImages = set.predictions.map(\.image)
        (truthStarts, truthOrder) = Self.order(categories: set.truths.map(\.category), images: truthImages, count: set.categories.count)
        (predictionStarts, predictionOrder) = Self.order(categories: set.predictions.map(\.category), images: predictionImages,
                                                         count: set.categories.count)
    }

    /// Calls `body` for each image that has truths or predictions of `category`, in image order, with their
    /// indices into the set's truths and predictions.
    func forEachImage(category: Int, _ body: (_ image: Int, _ truths: ArraySlice<Int>, _ predictions: ArraySlice<Int>) -> Void) {
        var truth = truthStarts[category], prediction = predictionStarts[category]
        let truthEnd = truthStarts[category + 1], predictionEnd = predictionStarts[category + 1]
        while truth < truthEnd || prediction < predictionEnd {
            let image = min(truth < truthEnd ? truthImages[truthOrder[truth]] : Int.max,
                            prediction < predictionEnd ? predictionImages[predictionOrder[prediction]] : Int.max)
            let truthStart = truth, predictionStart = prediction
            while truth < truthEnd && truthImages[truthOrder[truth]] == image { truth += 1 }
            while prediction < predictionEnd && predictionImages[predictionOrder[prediction]] == image { prediction += 1 }
            body(image, truthOrder[truthStart..<truth], predictionOrder[predictionStart..<prediction])
        }
    }

    /// A stable counting sort by category, then a stable sort by image within each category:
    /// `starts[category]..<starts[category + 1]` are that category's items in `order`.
    static func order(categories: [Int], images: [Int], count: Int) -> (starts: [Int], order: [Int]) {
        var starts = [Int](repeating: 0, count: count + 1)
        for category in categories { starts[category + 1] += 1 }
        for index in 0..<count { starts[index + 1] += starts[index] }
        var cursor = starts
        var order = [Int](repeating: 0, count: categories.count)
        for (index, category) in categories.enumerated() {
            order[cursor[category]] = index
            cursor[category] += 1
        }
        for category in 0..<count {
            order[starts[category]..<starts[category + 1]].sort { images[$0] < images[$1] || (images[$0] == images[$1] && $0 < $1) }
        }
        return (starts, order)
    }
}
