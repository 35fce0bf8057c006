import Foundation
import SquintCore
import Testing

/// `COCOEvaluator` against pycocotools' COCOeval on generated sets: the twelve stats, per-class AP, AP50 and
/// recall, and precision from COCOeval's own per-image matches, all to 1e-9.
@Suite(.enabled(if: Python.canImport("pycocotools"), "pycocotools is not importable by python3 — skipping the COCOeval comparison"))
struct EvaluationPycocotoolsTests {
    /// COCOeval on the two files; prints one JSON line: stats, and per category name ap, ap50, recall, precision.
    static let script = """
        import json, sys, contextlib, io
        import numpy as np
        from pycocotools.coco import COCO
        from pycocotools.cocoeval import COCOeval
        with contextlib.redirect_stdout(io.StringIO()):
            gt = COCO(sys.argv[1]); dt = gt.loadRes(sys.argv[2])
            E = COCOeval(gt, dt, 'bbox'); E.evaluate(); E.accumulate(); E.summarize()
        p = E.eval['precision']; r = E.eval['recall']
        counts = {c: [0, 0] for c in E.params.catIds}
        for e in E.evalImgs:
            if e is None or e['aRng'] != [0, 1e10]: continue
            m = e['dtMatches'][0]; ig = e['dtIgnore'][0].astype(bool)
            counts[e['category_id']][0] += int(np.sum((m > 0) & ~ig)); counts[e['category_id']][1] += int(np.sum((m == 0) & ~ig))
        def mean(s):
            s = s[s > -1]; return float(np.mean(s)) if s.size else -1.0
        per = {}
        for k, c in enumerate(E.params.catIds):
            tp, fp = counts[c]
            per[gt.cats[c]['name']] = {'ap': mean(p[:, :, k, 0, 2]), 'ap50': mean(p[0, :, k, 0, 2]), 'ap75': mean(p[5, :, k, 0, 2]),
                                       'recall': float(r[0, k, 0, 2]), 'precision': tp / (tp + fp) if tp + fp else -1.0}
        print(json.dumps({'stats': [float(s) for s in E.stats], 'per_class': per}))
        """

    struct Reference: Decodable {
        struct Class: Decodable {
            var ap: Double, ap50: Double, ap75: Double, recall: Double, precision: Double
        }

        var stats: [Double]
        var per_class: [String: Class]
    }

    @Test("every stat and per-class figure equals COCOeval's", arguments: [1, 2, 3, 4] as [UInt64])
    func matchesCOCOeval(seed: UInt64) async throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try SyntheticCOCO.write(SyntheticCOCO.make(seed: seed, images: seed == 4 ? 200 : 60), to: folder)
        let output = try Python.run(Self.script, arguments: [paths.truth, paths.results])
        let reference = try JSONDecoder().decode(Reference.self, from: Data(output.utf8))

        let truth = try SourceBoxes.readCOCO(path: paths.truth), results = try SourceBoxes.readCOCO(path: paths.results)
        let paired = try EvaluationPairing.pair(truth: truth, predictions: results)
        #expect(paired.notes.isEmpty, "\(paired.notes)")
        let report = await COCOEvaluator.evaluate(paired.set)

        #expect(report.stats.count == 12)
        for (index, (ours, theirs)) in zip(report.stats, reference.stats).enumerated() {
            #expect(abs(ours - theirs) < 1e-9, "\(EvaluationReport.statNames[index]): \(ours) vs COCOeval \(theirs)")
        }
        #expect(report.classes.count == reference.per_class.count)
        for item in report.classes {
            let expected = try #require(reference.per_class[item.name])
            #expect(abs(item.ap - expected.ap) < 1e-9, "\(item.name) AP \(item.ap) vs \(expected.ap)")
            #expect(abs(item.ap50 - expected.ap50) < 1e-9, "\(item.name) AP50 \(item.ap50) vs \(expected.ap50)")
            #expect(abs(item.ap75 - expected.ap75) < 1e-9, "\(item.name) AP75 \(item.ap75) vs \(expected.ap75)")
            #expect(abs(item.recall - expected.recall) < 1e-9, "\(item.name) recall \(item.recall) vs \(expected.recall)")
            #expect(abs(item.precision - expected.precision) < 1e-9, "\(item.name) precision \(item.precision) vs \(expected.precision)")
        }
        // The generator's edge cases are really there.
        #expect(report.classes.contains { $0.ap == -1 && $0.predictionCount > 0 }, "a category with detections but no truth")
        #expect(report.classes.contains { $0.truthCount > 0 && $0.predictionCount == 0 && $0.ap == 0 && $0.precision == -1 },
                "a category with truth but no detections")
        #expect(report.stats.allSatisfy { $0 >= 0 }, "every area range has truth")
    }
}
