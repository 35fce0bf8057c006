import Foundation
import GeminiAPI
import SquintCore

/// What the CLI's asking commands share: settings resolved once, the store opened once (a store that cannot
/// be written stops before anything is sent), one Gemini client, and SquintCore's `AskPipeline`.
enum AskSession {
    /// Runs the question `make` builds from the settings, handing progress events to `onEvent`; returns the
    /// outcome with the configuration it ran under, or throws the pipeline's `AskFailure`.
    static func run(api: APIOptions, environment: [String: String] = ProcessInfo.processInfo.environment,
                    question make: @Sendable (SquintSettings) -> Question, continueLatest: Bool = false, modelChosen: Bool = true,
                    onEvent: @escaping @Sendable (AskEvent) -> Void) async throws -> (outcome: AskOutcome, configuration: SquintConfiguration) {
        let settings = try api.settings(environment: environment)
        let store = try settings.openStore()
        let question = try await followUp(make(settings), store: store, continueLatest: continueLatest, modelChosen: modelChosen)
        let configuration = try settings.gemini()
        // While waiting, on a terminal: what is happening, erased before the answer or the result is written.
        let spinner = Spinner.start(model: question.model, maxAttempts: configuration.retryPolicy.maxAttempts, environment: environment)
        defer { spinner?.stop() }
        let outcome = try await GeminiClient.withClient(configuration: configuration, environment: environment) { client in
            var pipeline = AskPipeline(provider: client, store: store, configuration: settings.configuration)
            // Images named by URL are fetched (or, passed, read) with this environment's proxies and cache folder.
            pipeline.remoteImages.environment = environment
            return try await pipeline.ask(question) { event in
                spinner?.handle(event)
                onEvent(event)
            }
        }
        return (outcome, settings.configuration)
    }

    /// `question` continuing a conversation: the most recent with `--continue`; with the conversation's model
    /// unless `--model` says otherwise, since thought signatures belong to the model that made them.
    static func followUp(_ question: Question, store: Store, continueLatest: Bool, modelChosen: Bool) async throws -> Question {
        var question = question
        if continueLatest {
            guard let latest = try await store.latestConversation() else {
                throw InputError(subject: "--continue", reason: "no conversation to continue yet; ask a question about an image first")
            }
            question.conversationID = latest.id
        }
        if let id = question.conversationID, !modelChosen, let conversation = try await store.conversation(id: id) {
            question.model = conversation.model
        }
        return question
    }

    /// The progress lines on stderr that every asking command prints the same way (never on stdout).
    static func note(_ event: AskEvent) {
        switch event {
        case .uploading(let image, let bytes):
            Diagnostics.note("uploading \(image) (\(MediaFetcher.megabytes(bytes))) with the Files API")
        case .reusingUpload(let image, let file):
            Diagnostics.note("reusing the upload of \(image) (\(file))")
        case .waitingForUpload(let image, let file):
            Diagnostics.note("waiting for the Files API to process \(image) (\(file))")
        case .uploadGone(let file):
            Diagnostics.note("\(file) is gone from the Files API; uploading again")
        case .retrying(let attempt, let delay, let error):
            Diagnostics.note("\(error.description); retrying in \(DurationText.format(delay)) (attempt \(attempt + 1))")
        default:
            break
        }
    }
}
