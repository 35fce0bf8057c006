import SquintCore

/// What `squint eval` prints, text or JSON: the report and where its two sides came from.
struct EvaluationSummary {
    let report: EvaluationReport
    let paired: PairedEvaluation
    let truth: EvaluationSource
    let predictions: EvaluationSource

    var truthBoxes: Int { paired.set.truths.count }
    var predictionBoxes: Int { paired.set.predictions.count }
    var ranking: String { paired.isRankedByOrder ? "order" : "score" }

    /// Per-class rows sorted by name (a name two truth categories share is listed once per category).
    var classes: [ClassEvaluation] {
        report.classes.sorted { $0.name < $1.name }
    }

    /// The `--json` shape (keys sorted on output, see `JSONOutput`).
    struct JSON: Encodable {
        struct Class: Encodable {
            var ap: Double, ap50: Double, ap75: Double, precision: Double, recall: Double
            var truth: Int, predictions: Int
        }

        struct Side: Encodable {
            var source: String
            var boxes: Int
            var ranking: String?
        }

        var map: Double, ap50: Double, ap75: Double
        var stats: [Double]
        var precision: Double, recall: Double, iou: Double
        var per_class: [String: Class]
        var images: Int
        var truth: Side
        var predictions: Side
        var version = JSONOutput.version
    }

    var json: JSON {
        var perClass: [String: JSON.Class] = [:]
        for item in classes {
            var key = item.name
            var suffix = 2
            while perClass[key] != nil {
                key = "\(item.name) (\(suffix))"
                suffix += 1
            }
            perClass[key] = JSON.Class(ap: item.ap, ap50: item.ap50, ap75: item.ap75, precision: item.precision, recall: item.recall,
                                       truth: item.truthCount, predictions: item.predictionCount)
        }
        return JSON(
            map: report.map, ap50: report.ap50, ap75: report.ap75, stats: report.stats, precision: report.precision,
            recall: report.recall, iou: report.iouThreshold, per_class: perClass, images: report.imageCount,
            truth: JSON.Side(source: truth.description, boxes: truthBoxes),
            predictions: JSON.Side(source: predictions.description, boxes: predictionBoxes, ranking: ranking))
    }
}
