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

    @Argument(help: ArgumentHelp("Images (files or http/https URLs) to ask about; none with --continue.", valueName: "image"))
    var images: [String] = []

    @Flag(name: [.customShort("c"), .customLong("continue")], help: "Continue the most recent conversation: a follow-up about the same images.")
    var continueConversation = false

    @Option(help: ArgumentHelp("Continue this conversation (its number in squint ask --json and squint history).", valueName: "id"))
    var conversation: Int64?

    @Option(name: [.short, .customLong("prompt")], help: "The question.")
    var prompt: String

    @Option(help: ArgumentHelp(HelpText.model))
    var model: String?

    @OptionGroup var api: APIOptions

    @Flag(name: .customLong("no-stream"), help: "Wait for the whole answer instead of streaming it.")
    var noStream = false

    @Flag(help: "Print one JSON object at the end (answer, model version, usage, finish reason, timings).")
    var json = false

    @Option(help: "System instruction.")
    var system: String?

    @Option(help: "Sampling temperature, 0 to 2 (default: the model's; Gemini 3 advises keeping its 1.0).")
    var temperature: Double?

    @Option(name: .customLong("media-resolution"), help: MediaResolutionHelp.text)
    var mediaResolution: MediaResolution?

    @Option(name: .customLong("url-mode"), help: URLModeHelp.text)
    var urlMode: URLMode?

    @Flag(name: .customLong("count-tokens"), help: "Ask countTokens for the request's exact prompt tokens, without generating an answer.")
    var countTokens = false

    func validate() throws {
        if images.isEmpty, !continueConversation, conversation == nil { throw ValidationError("give the images to ask about (or --continue)") }
        if !images.isEmpty, continueConversation || conversation != nil {
            throw ValidationError("a follow-up is about the conversation's own images; leave the images out")
        }
        if let temperature, !(0...2).contains(temperature) { throw ValidationError("--temperature must be from 0 to 2") }
        if prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("the question (-p) is empty") }
    }

    func run() async throws {
        if countTokens {
            let command = self
            try await CommandRunner.run { try await command.runCountTokens() }
            return
        }
        let printer = AnswerPrinter(enabled: !json)
        let command = self
        do {
            let outcome = try await Interrupt.cancellingOnSIGINT {
                try await AskSession.run(api: command.api, question: command.question, continueLatest: command.continueConversation,
                                         modelChosen: command.model != nil, onEvent: { event in
                    if case .text(let text) = event { printer.print(text) }
                    AskSession.note(event)
                }).outcome
            }
            printer.finishLine()
            finish(outcome, failure: nil)
        } catch {
            printer.finishLine()
            let exit = CommandRunner.report(error)
            // Once the question was asked, --json reports even a failure, with what arrived.
            let failure = ((error as? Interrupted)?.cause ?? error) as? AskFailure
            if let outcome = failure?.outcome { finish(outcome, failure: error is Interrupted ? error : failure?.error) }
            throw exit
        }
    }

    @Sendable private func question(_ settings: SquintSettings) -> Question {
        var question = Question(task: .question, imagePaths: images, words: prompt, model: model ?? settings.configuration.model,
                                systemInstruction: system, temperature: temperature, streaming: !noStream, mediaResolution: mediaResolution)
        question.conversationID = conversation
        question.urlMode = urlMode
        return question
    }

    /// `--count-tokens`: the request planned as a question would be (uploads included), counted, not answered.
    private func runCountTokens() async throws {
        let settings = try api.settings()
        let store = try settings.openStore()
        let question = try await AskSession.followUp(question(settings), store: store, continueLatest: continueConversation,
                                                     modelChosen: model != nil)
        let count = try await GeminiClient.withClient(configuration: try settings.gemini()) { client in
            var pipeline = AskPipeline(provider: client, store: store, configuration: settings.configuration)
            pipeline.remoteImages.environment = ProcessInfo.processInfo.environment
            return try await pipeline.countTokens(question)
        }
        if json {
            Output.standardOutput.write(JSONOutput.line(TokenCountReport(model: question.model, estimatedImageTokens: count.estimatedImageTokens,
                                                                         totalTokens: count.totalTokens)))
        } else {
            Output.standardOutput.write("\(count.totalTokens)\n")
            Diagnostics.note("\(count.totalTokens) prompt tokens for \(question.model) (squint estimated \(count.estimatedImageTokens) for the images)")
        }
    }

    /// `ask --count-tokens --json`.
    struct TokenCountReport: Encodable {
        var model: String
        var estimatedImageTokens: Int
        var totalTokens: Int
        var version = JSONOutput.version
    }

    /// The end of a run: the JSON object on stdout, or the usage line on stderr.
    private func finish(_ outcome: AskOutcome, failure: (any Error)?) {
        if json {
            let report = AnswerReport(outcome: outcome, failure: failure)
            Output.standardOutput.write(report.encoded(forTerminal: Output.standardOutput.isTerminal) + "\n")
            return
        }
        guard failure == nil else { return }
        for note in outcome.notes { Diagnostics.note(note) }
        Diagnostics.note(AnswerReport.summary(outcome))
    }
}
