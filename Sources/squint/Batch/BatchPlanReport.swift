import SquintCore

/// `squint batch --dry-run --json`.
struct BatchPlanReport: Encodable {
    var images: Int
    var todo: Int
    var done: Int
    var waiting: Int
    var task: String
    var model: String
    var prompt: String
    var via: String
    var estimatedPromptTokens: Int
    var unreadable: Int
    var version = JSONOutput.version

    init(_ plan: BatchPlan, estimate: (tokens: Int, unreadable: Int), via: BatchVia) {
        images = plan.images.count
        todo = plan.todo.count
        done = plan.done
        waiting = plan.waiting
        task = plan.spec.task.rawValue
        model = plan.spec.model
        prompt = plan.prompt
        self.via = via.rawValue
        estimatedPromptTokens = estimate.tokens
        unreadable = estimate.unreadable
    }
}
