import ArgumentParser
import Foundation
import GeminiAPI
import Imaging
import SquintCore

/// `squint ask IMAGE... -p QUESTION`: a thin adapter over `RequestPlanner` and `GeminiClient`.
struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Ask Gemini a question about images.",
        discussion: """
            The answer streams to stdout as it arrives; token usage and timings go to stderr at the end. On a terminal, control characters in the answer are made visible; piped, the answer is passed through byte for byte.

            Images are sent with the MIME type read from their bytes (JPEG, PNG, WebP, HEIF), inline while the whole request stays under 20 MB, otherwise uploaded with the Files API first.

            The API key comes from GOOGLE_API_KEY, GEMINI_API_KEY or api_key_file in the config file ($XDG_CONFIG_HOME/squint/config.toml), never from the command line.


            """ + ExitStatus.helpSection)

    @Argument(help: ArgumentHelp("Images to ask about.", valueName: "image"))
    var images: [String]

    @Option(name: [.short, .customLong("prompt")], help: "The question.")
    var prompt: String

    @Option(help: "Model to ask (default: model in the config file, else gemini-2.5-flash).")
    var model: String?

    @OptionGroup var api: APIOptions

    @Flag(name: .customLong("no-stream"), help: "Wait for the whole answer instead of streaming it.")
    var noStream = false

    @Flag(help: "Print one JSON object at the end (answer, model version, usage, finish reason, timings).")
    var json = false

    @Option(help: "System instruction.")
    var system: String?

    @Option(help: "Sampling temperature, 0 to 2.")
    var temperature: Double?

    func validate() throws {
        if let temperature, !(0...2).contains(temperature) { throw ValidationError("--temperature must be from 0 to 2") }
        if prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("the question (-p) is empty") }
    }

    func run() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let printer = AnswerPrinter(enabled: !json)
        let recorder = AskRecorder()
        let command = self
        do {
            try await Interrupt.cancellingOnSIGINT {
                try await command.ask(printer: printer, recorder: recorder, clock: clock, started: started)
            }
            printer.finishLine()
            command.finish(recorder.snapshot(total: clock.now - started), failure: nil)
        } catch {
            printer.finishLine()
            let exit = CommandRunner.report(error)
            if recorder.planned {
                command.finish(recorder.snapshot(total: clock.now - started), failure: error)
            }
            throw exit
        }
    }

    private func ask(printer: AnswerPrinter, recorder: AskRecorder, clock: ContinuousClock,
                     started: ContinuousClock.Instant) async throws {
        let settings = try api.settings()
        let loaded = try images.map { try AskImage.load(path: $0) }
        let options = AskOptions(model: model ?? settings.configuration.model, systemInstruction: system,
                                 temperature: temperature)
        let question = Ask(images: loaded, question: prompt, options: options)
        let store = Self.openStore()
        // The store's upload cache: a second question about a large image refers to the upload, sends no bytes.
        let cache: any UploadCache = store.map { StoreUploadCache(store: $0) } ?? InMemoryUploadCache()
        try await GeminiClient.withClient(configuration: settings.gemini) { client in
            let planner = RequestPlanner(uploader: client, cache: cache, progress: Self.report)
            let plan = try await planner.plan(question)
            recorder.planned(plan, images: loaded)
            let request = plan.generateContentRequest
            if noStream {
                let response = try await client.generateContent(model: plan.model, request: request)
                recorder.apply(response: response, at: clock.now - started)
                printer.print(response.text)
            } else {
                for try await event in client.streamGenerateContent(model: plan.model, request: request) {
                    recorder.apply(event, at: clock.now - started)
                    switch event {
                    case .text(let text):
                        printer.print(text)
                    case .retrying(let attempt, let delay, let error):
                        Diagnostics.note("\(client.redact(error.description)); retrying in \(DurationText.format(delay)) (attempt \(attempt + 1))")
                    default:
                        break
                    }
                }
                try Task.checkCancellation()
            }
        }
        if let blocked = recorder.blockedError { throw blocked }
        if let store { saveToHistory(recorder.snapshot(total: clock.now - started), images: loaded, in: store) }
    }

    private static func openStore() -> Store? {
        do {
            return try Store(url: Store.defaultURL(environment: ProcessInfo.processInfo.environment))
        } catch {
            Diagnostics.warning("the store cannot be opened, so the answer will not be in history: \(error)")
            return nil
        }
    }

    /// The finished answer goes into history (`squint history`, the TUI's answered marks) under every image.
    private func saveToHistory(_ record: AskRecorder.Snapshot, images loaded: [AskImage], in store: Store) {
        let size = (try? ImageLoader.info(data: Data(loaded[0].bytes), name: images[0]).uprightSize) ?? PixelSize(width: 0, height: 0)
        let draft = AnswerDraft(imagePath: images[0], otherImagePaths: Array(images.dropFirst()), task: AskTask.question.rawValue,
                                question: prompt, text: record.answer.text, model: record.answer.modelVersion ?? record.model,
                                usage: TokenUsage(record.answer.usage, estimatedImageTokens: nil), imageSize: size)
        do {
            _ = try store.saveAnswer(draft, detections: [])
        } catch {
            Diagnostics.warning("the answer was not saved: \(error)")
        }
    }

    /// Uploads take a while; say so on stderr (never on stdout, which holds only the answer).
    @Sendable private static func report(_ progress: RequestPlanner.Progress) {
        switch progress {
        case .uploading(let name, let bytes):
            Diagnostics.note("uploading \(name) (\(String(format: "%.1f", Double(bytes) / 1_000_000)) MB) with the Files API")
        case .reusing(let name, let file):
            Diagnostics.note("reusing the upload of \(name) (\(file))")
        case .waitingForProcessing(let name, let file):
            Diagnostics.note("waiting for the Files API to process \(name) (\(file))")
        }
    }

    /// The end of a run: the JSON object on stdout, or the usage line on stderr.
    private func finish(_ record: AskRecorder.Snapshot, failure: (any Error)?) {
        if json {
            let report = record.report(requestedModel: model ?? record.model, failure: failure)
            Output.standardOutput.write(report.encoded(forTerminal: Output.standardOutput.isTerminal) + "\n")
            return
        }
        guard failure == nil else { return }
        if let reason = record.answer.finishReason, reason != .stop, !reason.isBlocking {
            Diagnostics.note("the answer stopped early: \(reason.rawValue)")
        }
        Diagnostics.note(record.summary)
    }
}
