import ArgumentParser
import Foundation
import GeminiAPI
import Imaging
import SquintCore

/// `squint ask IMAGE... -p QUESTION`: a thin adapter over SquintCore's `AskPipeline`.
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
        let command = self
        let reported = ReportedQuestion()
        do {
            let outcome = try await Interrupt.cancellingOnSIGINT {
                try await AskSession.run(api: command.api, question: { settings in
                    let question = command.question(settings)
                    reported.set(question)
                    return question
                }, onEvent: { event in
                    if case .text(let text) = event { printer.print(text) }
                    AskSession.note(event)
                })
            }
            printer.finishLine()
            finish(question: reported.value, outcome: outcome, failure: nil, total: clock.now - started)
        } catch {
            printer.finishLine()
            let failure = error as? AskFailure
            let cause = failure?.error ?? error
            let exit = CommandRunner.report(error is Interrupted ? error : cause)
            if let question = reported.value, failure?.outcome != nil || error is Interrupted {
                finish(question: question, outcome: failure?.outcome, failure: error is Interrupted ? error : cause, total: clock.now - started)
            }
            throw exit
        }
    }

    private func question(_ settings: SquintSettings) -> Question {
        Question(task: .question, imagePaths: images, words: prompt, model: model ?? settings.configuration.model,
                 systemInstruction: system, temperature: temperature, streaming: !noStream)
    }

    /// The end of a run: the JSON object on stdout, or the usage line on stderr.
    private func finish(question: Question?, outcome: AskOutcome?, failure: (any Error)?, total: Duration) {
        guard let question else { return }
        if json {
            let report = AnswerReport(question: question, outcome: outcome, failure: failure, total: total)
            Output.standardOutput.write(report.encoded(forTerminal: Output.standardOutput.isTerminal) + "\n")
            return
        }
        guard failure == nil, let outcome else { return }
        for note in outcome.notes { Diagnostics.note(note) }
        Diagnostics.note(AnswerReport.summary(outcome))
    }
}

/// The question as built from the settings, kept for the report even when the run fails.
final class ReportedQuestion: @unchecked Sendable {
    private let lock = NSLock()
    private var question: Question?

    func set(_ question: Question) {
        lock.lock()
        self.question = question
        lock.unlock()
    }

    var value: Question? {
        lock.lock()
        defer { lock.unlock() }
        return question
    }
}
