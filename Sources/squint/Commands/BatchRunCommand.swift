import ArgumentParser
import Foundation
import SquintCore

/// `squint batch PATH... --task T`: the default subcommand of `squint batch`.
struct BatchRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Ask about every image in PATH... (the default of `squint batch`).",
        discussion: """
            stdout holds the data: one line per answered image (`PATH: 15 boxes: forklift, pallet, …`), or with \
            --json one JSON object per finished image and a summary object at the end. On a terminal, a progress \
            line on stderr shows done/total, failures, rate, time left and tokens. Each failed image is one \
            `squint: PATH: reason` line on stderr; the run goes on.

            Exit status: 0 when every image is answered, 4 when some failed (run the same command again to retry \
            them), 2 when there is nothing to ask about, 130 on Ctrl-C (what finished is stored).
            """)

    @Argument(help: ArgumentHelp("Folders and images to ask about.", valueName: "path"))
    var paths: [String]

    @Option(help: "What to do with each image.")
    var task: BatchTaskOption

    @Option(name: [.customShort("p"), .customLong("prompt")],
            help: ArgumentHelp("What to look for with detect, segment or point (default: the prominent objects), or the question for ask.", valueName: "TEXT"))
    var prompt: String?

    @Option(help: ArgumentHelp(HelpText.model))
    var model: String?

    @Option(help: "The most requests in flight at once (default: 4).")
    var concurrency: Int = BatchSpec.defaultConcurrency

    @Option(help: ArgumentHelp("The most requests started in any minute (default: no cap).", valueName: "N"))
    var rpm: Int?

    @Option(help: "live: requests as the run goes; batch-api: one Gemini Batch API job, half price (default: live).")
    var via: BatchVia = .live

    @Flag(help: "Ask again about images that already have an answer.")
    var redo = false

    @Flag(name: .customLong("dry-run"), help: "Print the plan (images, already answered, estimated prompt tokens) and ask nothing.")
    var dryRun = false

    @Flag(help: "Print JSON Lines: one object per finished image, then a summary object.")
    var json = false

    @Flag(name: [.short, .long], help: "Walk subfolders too.")
    var recursive = false

    @Option(name: .customLong("max-side"), help: "Spatial tasks: downscale so the longest side is at most this many pixels (default: max_side in the config's [spatial], else 1024).")
    var maxSide: Int?

    @Option(help: "Spatial tasks: ask for at most this many items per image (default: 25).")
    var limit: Int?

    @Flag(name: .customLong("no-wait"), help: "batch-api: return after submitting and print the job name; `squint batch resume` finishes it.")
    var noWait = false

    @Option(name: .customLong("poll-interval"), help: ArgumentHelp("batch-api: how often to ask about the job, in seconds or with a unit (\"500ms\") (default: 30 s).", valueName: "DURATION"))
    var pollInterval: String?

    @Option(name: .customLong("media-resolution"), help: MediaResolutionHelp.text)
    var mediaResolution: MediaResolution?

    @OptionGroup var api: APIOptions

    func validate() throws {
        if concurrency < 1 || concurrency > 64 { throw ValidationError("--concurrency must be between 1 and 64") }
        if let rpm, rpm < 1 { throw ValidationError("--rpm must be at least 1") }
        if task == .ask, prompt?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true {
            throw ValidationError("--task ask needs the question (-p)")
        }
        if let maxSide, maxSide < 64 || maxSide > 8192 { throw ValidationError("--max-side must be between 64 and 8192") }
        if let limit, limit < 1 || limit > 1000 { throw ValidationError("--limit must be between 1 and 1000") }
        if let pollInterval, Self.duration(pollInterval) == nil {
            throw ValidationError("--poll-interval must be seconds (30) or a duration with a unit (500ms, 2m), at most a day")
        }
        if via == .live, noWait { throw ValidationError("--no-wait is for --via batch-api") }
    }

    func run() async throws {
        let command = self
        try await CommandRunner.run { try await BatchRunner(command: command).run() }
    }

    /// `30` (seconds) or a duration with a unit: `500ms`, `2m`; above zero and at most a day (`inf`, `nan` and
    /// `1e30` are refused, not trapped on).
    static func duration(_ text: String) -> Duration? {
        let duration: Duration
        if let seconds = Double(text.trimmingCharacters(in: .whitespaces)) {
            guard seconds.isFinite, seconds > 0, seconds <= 86_400 else { return nil }
            duration = .milliseconds(Int64(seconds * 1000))
        } else {
            guard let parsed = DurationText.parse(text) else { return nil }
            duration = parsed
        }
        return duration > .zero && duration <= .seconds(86_400) ? duration : nil
    }

    func spec(model defaultModel: String) -> BatchSpec {
        var spec = BatchSpec(task: task.task, words: prompt, model: model ?? defaultModel, itemLimit: limit, maxImageSide: maxSide,
                             concurrency: concurrency, requestsPerMinute: rpm, redo: redo)
        spec.template.mediaResolution = mediaResolution
        return spec
    }
}
