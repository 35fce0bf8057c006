import Foundation
import Testing
@testable import SquintCore

/// `COCOEvaluator` on tiny hand-made sets whose answers can be worked out on paper.
@Suite struct EvaluationMatchingTests {
    static func box(_ x: Double, _ y: Double, _ w: Double, _ h: Double) -> EvaluationBox {
        EvaluationBox(x: x, y: y, width: w, height: h)
    }

    static func truth(_ box: EvaluationBox, image: Int = 0, category: Int = 0, area: Double? = nil, crowd: Bool = false, id: Int) -> EvaluationTruth {
        EvaluationTruth(image: image, category: category, box: box, area: area, isCrowd: crowd, id: id)
    }

    static func found(_ box: EvaluationBox, _ score: Double, image: Int = 0, category: Int = 0) -> EvaluationPrediction {
        EvaluationPrediction(image: image, category: category, box: box, score: score)
    }

    static func evaluate(_ truths: [EvaluationTruth], _ predictions: [EvaluationPrediction], images: Int = 1,
                         categories: [String] = ["cat"], iou: Double = 0.5) async -> EvaluationReport {
        await COCOEvaluator.evaluate(EvaluationSet(imageCount: images, categories: categories, truths: truths, predictions: predictions), iou: iou)
    }

    /// Equal up to rounding: precision is TP / (TP + FP + ε), so a perfect AP is 1 − ε-ish, in pycocotools too.
    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-12 }

    static func close(_ a: [Double], _ b: [Double]) -> Bool { a.count == b.count && zip(a, b).allSatisfy { close($0, $1) } }

    @Test func thresholdsAreNumpysLinspace() {
        #expect(COCOParameters.iouThresholds.count == 10)
        #expect(COCOParameters.iouThresholds[5] == 0.75)
        #expect(COCOParameters.iouThresholds[8] == 0.8999999999999999, "numpy's linspace does not give 0.9")
        #expect(COCOParameters.iouThresholds[9] == 0.95)
        #expect(COCOParameters.recallThresholds.count == 101)
        #expect(COCOParameters.recallThresholds[57] == 0.5700000000000001, "57 × 0.01, as numpy computes it, is not 0.57")
    }

    @Test func aPerfectBoxScoresOneInItsAreaRangeAndMinusOneElsewhere() async {
        let report = await Self.evaluate([Self.truth(Self.box(10, 10, 50, 50), id: 1)], [Self.found(Self.box(10, 10, 50, 50), 0.9)])
        #expect(Self.close(report.stats, [1, 1, 1, -1, 1, -1, 1, 1, 1, -1, 1, -1]), "\(report.stats)")
        #expect(report.precision == 1 && report.recall == 1)
    }

    @Test func precisionIsInterpolatedOverTheMonotoneEnvelope() async {
        // TP, FP, TP: precision 1, 1/2, 2/3 at recall 1/2, 1/2, 1; the envelope lifts 1/2 to 2/3. Thresholds
        // 0…0.50 read 1, 0.51…1 read 2/3.
        let truths = [Self.truth(Self.box(0, 0, 40, 40), id: 1), Self.truth(Self.box(100, 100, 40, 40), id: 2)]
        let predictions = [Self.found(Self.box(0, 0, 40, 40), 0.9), Self.found(Self.box(300, 300, 40, 40), 0.8),
                           Self.found(Self.box(100, 100, 40, 40), 0.7)]
        let report = await Self.evaluate(truths, predictions)
        let expected = (51 + 50 * (2 / (3 + Double.ulpOfOne))) / 101
        #expect(Self.close(report.map, expected))
        #expect(abs(report.classes[0].precision - 2.0 / 3.0) < 1e-15)
        #expect(report.classes[0].recall == 1)

        // The false positive first: precision 0, 1/2, 2/3 → every threshold reads 2/3.
        let first = [Self.found(Self.box(300, 300, 40, 40), 0.95)] + [predictions[0], predictions[2]]
        let worse = await Self.evaluate(truths, first)
        #expect(Self.close(worse.map, 2.0 / 3.0))
    }

    @Test func anIoUOfExactlyTheThresholdMatches() async {
        // Intersection 5000 over union 10 000: exactly 0.5, a match at .50 and at no other threshold.
        let report = await Self.evaluate([Self.truth(Self.box(0, 0, 100, 100), id: 1)], [Self.found(Self.box(0, 0, 50, 100), 0.9)])
        #expect(Self.close(report.ap50, 1))
        #expect(report.ap75 == 0)
        #expect(Self.close(report.map, 0.1))
        let stricter = await Self.evaluate([Self.truth(Self.box(0, 0, 100, 100), id: 1)], [Self.found(Self.box(0, 0, 50, 100), 0.9)], iou: 0.6)
        #expect(stricter.precision == 0 && stricter.recall == 0 && stricter.iouThreshold == 0.6)
        let looser = await Self.evaluate([Self.truth(Self.box(0, 0, 100, 100), id: 1)], [Self.found(Self.box(0, 0, 50, 100), 0.9)], iou: 0.3)
        #expect(looser.precision == 1 && looser.recall == 1)
    }

    @Test func aCrowdRegionAbsorbsEveryDetectionInsideIt() async {
        let crowd = Self.truth(Self.box(200, 200, 200, 200), crowd: true, id: 2)
        let person = Self.truth(Self.box(0, 0, 40, 40), id: 1)
        let inside = [Self.found(Self.box(210, 210, 30, 30), 0.95), Self.found(Self.box(300, 300, 50, 50), 0.85),
                      Self.found(Self.box(220, 320, 20, 20), 0.8)]
        let report = await Self.evaluate([person, crowd], inside + [Self.found(Self.box(0, 0, 40, 40), 0.5)])
        #expect(Self.close(report.map, 1), "detections in the crowd are ignored, not false positives")
        #expect(report.classes[0].truthCount == 1, "a crowd is not a box to find")
        #expect(report.classes[0].precision == 1 && report.classes[0].falsePositives == 0)

        var notCrowd = crowd
        notCrowd.isCrowd = false
        let plain = await Self.evaluate([person, notCrowd], inside + [Self.found(Self.box(0, 0, 40, 40), 0.5)])
        #expect(plain.classes[0].falsePositives == 3)
    }

    @Test func equalIoUsGoToTheLaterTruthAndATruthWithIDZeroNeverMatches() async {
        // pycocotools replaces its best match on equal IoU, and records matches by truth id with 0 as "none".
        let twins = [Self.truth(Self.box(0, 0, 40, 40), id: 5), Self.truth(Self.box(0, 0, 40, 40), id: 0)]
        let report = await Self.evaluate(twins, [Self.found(Self.box(0, 0, 40, 40), 0.9)])
        #expect(report.classes[0].truePositives == 0 && report.classes[0].falsePositives == 1)
        let swapped = await Self.evaluate(twins.reversed(), [Self.found(Self.box(0, 0, 40, 40), 0.9)])
        #expect(swapped.classes[0].truePositives == 1)
    }

    @Test func onlyTheBestHundredDetectionsOfAnImageCount() async {
        let truth = Self.truth(Self.box(0, 0, 40, 40), id: 1)
        let misses = (0..<99).map { Self.found(Self.box(500, 500, 10, 10), 0.9 - Double($0) * 0.001) }
        let hundredth = await Self.evaluate([truth], misses + [Self.found(Self.box(0, 0, 40, 40), 0.1)])
        #expect(hundredth.stats[6] == 0 && hundredth.stats[7] == 0 && hundredth.stats[8] == 1, "AR1, AR10, AR100")
        let extra = Self.found(Self.box(500, 500, 10, 10), 0.85)
        let hundredAndFirst = await Self.evaluate([truth], misses + [extra, Self.found(Self.box(0, 0, 40, 40), 0.1)])
        #expect(hundredAndFirst.stats[8] == 0)
        #expect(hundredAndFirst.classes[0].predictionCount == 100)
    }

    @Test func aCategoryWithoutTruthIsMinusOneAndLeftOutOfTheMeans() async {
        let report = await Self.evaluate([Self.truth(Self.box(0, 0, 40, 40), id: 1)],
                                         [Self.found(Self.box(0, 0, 40, 40), 0.9), Self.found(Self.box(100, 0, 40, 40), 0.8, category: 1)],
                                         categories: ["cat", "dog"])
        #expect(Self.close(report.map, 1))
        let dog = report.classes[1]
        #expect(dog.ap == -1 && dog.ap50 == -1 && dog.recall == -1)
        #expect(dog.precision == 0, "its detections are false positives")
        #expect(report.precision == 0.5 && report.recall == 1)
    }

    @Test func areaRangesUseTheAreaFieldAndIgnoreUnmatchedDetectionsOutsideThem() async {
        // A 50×50 box whose mask area is 500: small, not medium. The large false positive is ignored for "small".
        let report = await Self.evaluate([Self.truth(Self.box(0, 0, 50, 50), area: 500, id: 1)],
                                         [Self.found(Self.box(200, 200, 150, 150), 0.95), Self.found(Self.box(0, 0, 50, 50), 0.9)])
        #expect(Self.close(report.stats[3], 1), "APs")
        #expect(report.stats[4] == -1 && report.stats[5] == -1, "APm, APl: no truth there")
        #expect(Self.close(report.map, 0.5), "for all areas the large box is a false positive ranked first")
        #expect(report.classes[0].falsePositives == 1)
    }

    @Test func imagesWithoutTruthStillCountTheirFalsePositives() async {
        let report = await Self.evaluate([Self.truth(Self.box(0, 0, 40, 40), id: 1)],
                                         [Self.found(Self.box(0, 0, 40, 40), 0.5), Self.found(Self.box(0, 0, 40, 40), 0.9, image: 1)],
                                         images: 2)
        #expect(Self.close(report.map, 0.5), "the other image's box outranks the hit")
        #expect(report.classes[0].falsePositives == 1)
    }

    @Test func equalScoresKeepTheImagesOrderNotTheListsOrder() async {
        // A hit and a miss at the same score, listed against the images' order: the image first ranks first.
        let truths = [Self.truth(Self.box(0, 0, 40, 40), image: 1, id: 1)]
        let hitFirst = await Self.evaluate(truths, [Self.found(Self.box(0, 0, 40, 40), 0.5, image: 2),
                                                    Self.found(Self.box(0, 0, 40, 40), 0.5, image: 1)], images: 3)
        let missFirst = await Self.evaluate(truths, [Self.found(Self.box(0, 0, 40, 40), 0.5, image: 1),
                                                     Self.found(Self.box(0, 0, 40, 40), 0.5, image: 0)], images: 3)
        #expect(Self.close(hitFirst.map, 1))
        #expect(Self.close(missFirst.map, 0.5))
    }
}
