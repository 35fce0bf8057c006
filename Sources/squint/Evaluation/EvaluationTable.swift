import Foundation
import SquintCore
import TerminalGraphics

/// `squint eval`'s text output: what was compared, COCOeval's twelve numbers, pooled precision and recall, then
/// one row per class sorted by name. Undefined figures (-1) print as `-`.
enum EvaluationTable {
    static func render(_ summary: EvaluationSummary, sanitize: Bool) -> String {
        let report = summary.report
        func clean(_ text: String) -> String { sanitize ? TerminalSanitizer.sanitize(text) : text }
        var text = "\(report.imageCount) images, \(summary.truthBoxes) truth boxes (\(clean(summary.truth.description))), "
            + "\(summary.predictionBoxes) predictions (\(clean(summary.predictions.description)), ranked by \(summary.ranking))\n"
        let names = EvaluationReport.statNames
        for row in [0..<6, 6..<12] {
            text += row.map { "\(names[$0]) \(figure(report.stats[$0]))" }.joined(separator: "  ") + "\n"
        }
        text += "precision \(figure(report.precision))  recall \(figure(report.recall))"
            + "  (IoU \(String(format: "%.2f", report.iouThreshold)), the best 100 boxes per image and class, all sizes)\n"
        let classes = summary.classes
        guard !classes.isEmpty else { return text }
        let labels = classes.map { clean($0.name) }
        let width = min(32, max(5, labels.map(\.count).max() ?? 0))
        text += "\n" + pad("class", width) + "  truth  predicted     AP   AP50  precision  recall\n"
        for (item, label) in zip(classes, labels) {
            text += pad(label, width) + "  " + right("\(item.truthCount)", 5) + "  " + right("\(item.predictionCount)", 9)
                + "  " + right(figure(item.ap), 5) + "  " + right(figure(item.ap50), 5)
                + "  " + right(figure(item.precision), 9) + "  " + right(figure(item.recall), 6) + "\n"
        }
        return text
    }

    /// Three decimals, as COCOeval's summary prints them; `-` for -1 (nothing to measure).
    static func figure(_ value: Double) -> String {
        value < 0 ? "-" : String(format: "%.3f", value)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private static func right(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
