/// Where `squint eval` reads one side from: `--truth SOURCE`, `--pred SOURCE`.
///
/// - a path: a COCO file, either a dataset (`images`, `annotations`, `categories`) or a results list
///   (`[{image_id, category_id, bbox, score}]`, whose ids refer to the truth file);
/// - `store:NAME`: a label set `squint import --name NAME` stored;
/// - `gemini`, `gemini:TASK`, `gemini:TASK:MODEL`: each image's latest complete Gemini answer (TASK `detect`
///   or `segment`, any model unless named). A file literally named `gemini` is `./gemini`.
public enum EvaluationSource: Sendable, Hashable, CustomStringConvertible {
    case file(String)
    case labelSet(String)
    case gemini(task: AskTask?, model: String?)

    /// Parses the command-line form; throws for `store:` without a name and for a task without boxes.
    public init(parsing text: String) throws(EvaluationError) {
        if text.hasPrefix("store:") {
            let name = String(text.dropFirst("store:".count))
            guard !name.isEmpty else { throw .badSource(text, reason: "give the label set's name: store:NAME") }
            self = .labelSet(name)
            return
        }
        guard text == "gemini" || text.hasPrefix("gemini:") else {
            self = .file(text)
            return
        }
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).dropFirst().map(String.init)
        var task: AskTask?
        if let name = parts.first, !name.isEmpty {
            guard let parsed = AskTask(rawValue: name), parsed == .detect || parsed == .segment else {
                throw .badSource(text, reason: "TASK is detect or segment (the tasks that give boxes)")
            }
            task = parsed
        }
        let model = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
        self = .gemini(task: task, model: model)
    }

    /// True for the sources kept in the store.
    public var isStored: Bool {
        if case .file = self { return false }
        return true
    }

    public var description: String {
        switch self {
        case .file(let path): path
        case .labelSet(let name): "store:\(name)"
        case .gemini(let task, let model): ["gemini", task?.rawValue ?? (model == nil ? nil : ""), model].compactMap { $0 }.joined(separator: ":")
        }
    }
}
