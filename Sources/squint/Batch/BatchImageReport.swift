import Foundation
import GeminiAPI
import SquintCore

/// `squint batch --json`: one of these per finished image, then one `BatchSummaryReport`. The image's fields are
/// those of `detect --json` (`image`, `width`, `height`, `model`, `detections`, `warnings`, `usage`, `timings`),
/// with the batch's own: `task`, `status` (`answered` or `failed`), `answerId`, `text` (captions and questions),
/// and `error` for a failure.
struct BatchImageReport: Encodable {
    struct Failure: Encodable {
        var message: String
        var exitStatus: Int32
    }

    var image: String
    var task: String
    var status: String
    var model: String
    var answerId: Int64?
    var width: Int?
    var height: Int?
    var detections: [SpatialReport.Item]?
    var text: String?
    var warnings: [String]
    var usage: SpatialReport.Usage
    var timings: SpatialReport.Timings
    var error: Failure?
    var version = JSONOutput.version

    init(_ result: BatchImageResult, spec: BatchSpec) {
        image = result.path
        // From the answer when there is one: `batch resume` may store jobs of several tasks.
        let question: Question? = if case .answered(_, let outcome) = result { outcome.question } else { nil }
        let asked = question?.task ?? spec.task
        task = BatchTaskOption.allCases.first { $0.task == asked }?.rawValue ?? asked.rawValue
        model = question?.model ?? spec.model
        usage = SpatialReport.Usage(result.usage)
        switch result {
        case .answered(_, let outcome):
            status = "answered"
            answerId = outcome.stored?.id
            width = outcome.imageSize.width
            height = outcome.imageSize.height
            let report = SpatialReport(image: image, size: outcome.imageSize, model: outcome.question.model,
                                       detections: outcome.detections.map(\.detection), warnings: outcome.spatial?.warnings ?? [],
                                       usage: outcome.usage, totalSeconds: CheckedDuration.seconds(of: outcome.total))
            if spec.task.isSpatial { detections = report.detections } else { text = outcome.answer.text }
            warnings = report.warnings + outcome.notes
            timings = report.timings
        case .failed(_, let failure):
            status = "failed"
            warnings = []
            timings = SpatialReport.Timings(totalSeconds: failure.outcome.map { CheckedDuration.seconds(of: $0.total) })
            error = Failure(message: BatchRunner.reason(failure), exitStatus: ExitStatus.forError(failure).rawValue)
        }
    }
}
