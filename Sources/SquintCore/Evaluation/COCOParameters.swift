/// pycocotools' default bbox parameters (`Params.setDetParams`), computed the way numpy computes them.
enum COCOParameters {
    /// `np.linspace(.5, .95, 10)`: `i × step + start`, the last set to the stop value. 0.9 comes out as
    /// 0.8999999999999999, and a match of exactly 0.9 is a miss there, so this must not be written as literals.
    static let iouThresholds: [Double] = linspace(0.5, 0.95, count: 10)
    /// `np.linspace(0, 1, 101)`.
    static let recallThresholds: [Double] = linspace(0, 1, count: 101)
    /// all, small, medium, large: `[0², 1e5²]`, `[0², 32²]`, `[32², 96²]`, `[96², 1e5²]`, both ends inclusive.
    static let areaRanges: [(low: Double, high: Double)] = [(0, 1e10), (0, 1024), (1024, 9216), (9216, 1e10)]
    static let maxDetections = [1, 10, 100]
    /// pycocotools matches with `min(t, 1 - 1e-10)`, so an IoU of 1 still needs a perfect box.
    static func matchingThreshold(_ iou: Double) -> Double { min(iou, 1 - 1e-10) }
    /// `np.spacing(1)`, added to the denominator of precision.
    static let spacing = Double.ulpOfOne

    static func linspace(_ start: Double, _ stop: Double, count: Int) -> [Double] {
        let step = (stop - start) / Double(count - 1)
        return (0..<count).map { $0 == count - 1 ? stop : Double($0) * step + start }
    }
}
