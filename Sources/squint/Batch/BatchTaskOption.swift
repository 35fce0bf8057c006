import ArgumentParser
import SquintCore

/// `--task`: the spatial tasks, a caption, or `ask` (a question, which needs `-p`).
enum BatchTaskOption: String, CaseIterable, ExpressibleByArgument {
    case detect, segment, point, caption, ask

    var task: AskTask {
        switch self {
        case .detect: .detect
        case .segment: .segment
        case .point: .point
        case .caption: .caption
        case .ask: .question
        }
    }
}

/// `--via`: live requests, or one Batch API job.
enum BatchVia: String, CaseIterable, ExpressibleByArgument {
    case live
    case batchAPI = "batch-api"
}
