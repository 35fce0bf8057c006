import Foundation
import GeminiAPI
import Imaging

/// The one path from a question to a stored answer, used by `squint ask`, `detect|segment|point`, the TUI and
/// batches: prepare the images (upright, downscaled for spatial tasks), plan the request (inline, or the Files
/// API through the upload cache), stream the answer, judge it (`AnswerVerdict`), parse spatial answers, save
/// answer, detections and usage — and report each step as an `AskEvent`.
///
/// Nothing else builds a request for asking or writes an answer to the store.
public struct AskPipeline: Sendable {
    public var provider: any AnswerProvider
    public var store: Store
    public var cache: any UploadCache
    /// `[spatial]` and `max_megapixels`.
    public var configuration: SquintConfiguration
    /// Requests estimated above this many bytes move their largest images to the Files API.
    public var inlineLimit = RequestPlanner.inlineRequestLimit
    /// How long to wait between polls of a PROCESSING upload, at most.
    public var uploadPollInterval: Duration = .seconds(2)
    /// Fetches (or reads the first bytes of) images named by URL.
    public var remoteImages: RemoteImages

    public init(provider: any AnswerProvider, store: Store, configuration: SquintConfiguration, cache: (any UploadCache)? = nil) {
        self.provider = provider
        self.store = store
        self.configuration = configuration
        self.cache = cache ?? StoreUploadCache(store: store)
        inlineLimit = configuration.inlineLimitBytes
        remoteImages = RemoteImages(downloadLimit: configuration.urlMaxBytes)
    }

    /// A running question that can be cancelled while its events are still read: after `cancel()` the stream
    /// still delivers the `failed` event with what was saved (the TUI's Esc). The stream ends after its
    /// `finished` or `failed` event; dropping it cancels the question too.
    public struct Run: Sendable {
        public let events: AsyncStream<AskEvent>
        let task: Task<Void, Never>
        public func cancel() { task.cancel() }
    }

    /// Starts `question`; the events arrive on the returned run's stream.
    public func start(_ question: Question) -> Run {
        let (stream, continuation) = AsyncStream.makeStream(of: AskEvent.self)
        let pipeline = self
        let task = Task {
            let event = await pipeline.perform(question) { continuation.yield($0) }
            continuation.yield(event)
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return Run(events: stream, task: task)
    }

    /// Runs `question`, handing every event but the last to `progress`, and returns the outcome or throws the
    /// `AskFailure`.
    public func ask(_ question: Question, progress: @escaping @Sendable (AskEvent) -> Void = { _ in }) async throws(AskFailure) -> AskOutcome {
        switch await perform(question, emit: progress) {
        case .finished(let outcome): return outcome
        case .failed(let failure): throw failure
        default: throw AskFailure(error: CancellationError(), outcome: nil)
        }
    }

    /// The task's prompt for `question`, with the config's `[spatial]` settings and the question's overrides.
    public func prompt(for question: Question) -> TaskPrompt {
        Self.prompt(for: question, configuration: configuration)
    }

    /// The prompt without a pipeline: a batch's dry run judges "already answered" by it without an API key.
    public static func prompt(for question: Question, configuration: SquintConfiguration) -> TaskPrompt {
        let spatial = configuration.spatial
        var prompt = TaskPrompt.make(question.task, what: question.trimmedWords, model: question.model,
                                     itemLimit: question.itemLimit ?? TaskPrompt.defaultItemLimit,
                                     maxImageSide: question.maxImageSide ?? spatial.maxSide,
                                     classes: configuration.promptClasses)
        if question.task.isSpatial {
            if prompt.temperature != nil { prompt.temperature = spatial.temperature }
            if let current = prompt.thinkingBudget {
                // 2.5 Pro cannot turn thinking off: keep its minimum unless the model is left to decide (-1).
                let wanted = spatial.thinkingBudget
                prompt.thinkingBudget = current > 0 && wanted >= 0 ? max(current, wanted) : wanted
            }
        }
        if let system = question.systemInstruction { prompt.systemInstruction = system }
        if let temperature = question.temperature { prompt.temperature = temperature }
        return prompt
    }

    // MARK: - The steps

    /// The whole run; returns the final event.
    func perform(_ question: Question, emit: @escaping @Sendable (AskEvent) -> Void) async -> AskEvent {
        var question = question
        var prepared: PreparedQuestion
        do {
            prepared = try await prepareAsked(&question, emit: emit)
            try checkThreadLength(prepared, model: question.model)
        } catch {
            return .failed(AskFailure(error: error, outcome: nil))
        }
        return await perform(prepared, question: question, emit: emit)
    }

    /// `question` as it will be asked: the conversation it continues (its images, its earlier turns), its URLs
    /// resolved, its images prepared. What `perform` sends and `countTokens` counts.
    private func prepareAsked(_ question: inout Question, emit: @Sendable (AskEvent) -> Void = { _ in }) async throws -> PreparedQuestion {
        let history = try await conversationHistory(&question)
        let remote = try await resolveURLs(&question, emit: emit)
        var prepared = try prepare(question, passed: remote.passed)
        prepared.notes = remote.notes
        prepared.ask.history = history
        return prepared
    }

    /// The earlier turns of the conversation `question` continues, whose images it takes; none for a new one.
    private func conversationHistory(_ question: inout Question) async throws -> [Conversation.Turn] {
        if question.conversationID == nil, question.continuesImageConversation, question.task == .question,
           let latest = try await store.latestConversation(imagePaths: question.imagePaths), latest.model == question.model {
            question.conversationID = latest.id
        }
        guard let id = question.conversationID else { return [] }
        guard let conversation = try await store.conversation(id: id) else { throw AskError.noConversation(id) }
        question.imagePaths = conversation.imagePaths
        return conversation.turns
    }

    /// The question's URLs downloaded, or read for passing (`url_mode`); its paths name the local copies.
    private func resolveURLs(_ question: inout Question, emit: @Sendable (AskEvent) -> Void = { _ in }) async throws -> RemoteImages.Resolved {
        let urls = question.imagePaths.filter(RemoteImages.isURL)
        guard !urls.isEmpty else { return RemoteImages.Resolved(paths: question.imagePaths) }
        for url in urls { emit(.fetchingImage(url: url)) }
        let resolved = try await remoteImages.resolve(question.imagePaths, mode: question.urlMode ?? configuration.urlMode,
                                                      task: question.task, model: question.model)
        question.imagePaths = resolved.paths
        return resolved
    }

    /// A thread past the model's input limit is refused before sending (images at their estimate, text at four
    /// characters a token).
    private func checkThreadLength(_ prepared: PreparedQuestion, model: String) throws {
        guard !prepared.ask.history.isEmpty, let limit = ModelFamily.of(model).inputTokenLimit else { return }
        let characters = prepared.ask.question.count + prepared.ask.history.reduce(0) { total, turn in
            total + turn.prompt.count + turn.modelParts.reduce(0) { $0 + ($1.text?.count ?? 0) }
        }
        let estimate = prepared.estimatedImageTokens + characters / 4
        if estimate > limit { throw AskError.threadTooLong(estimated: estimate, limit: limit) }
    }

    /// The run after preparation: a batch prepares images on all cores ahead of the network and hands each
    /// here when a request slot is free.
    func perform(_ prepared: PreparedQuestion, question: Question, emit: @escaping @Sendable (AskEvent) -> Void) async -> AskEvent {
        let clock = ContinuousClock()
        let started = clock.now
        var outcome = AskOutcome(
            question: question, prompt: prepared.prompt, images: [], answer: GeminiAnswer(),
            imageSize: prepared.first.uprightSize,
            usage: TokenUsage(estimatedImageTokens: prepared.estimatedImageTokens), spatial: nil, stored: nil,
            detections: [], saved: nil,
            notes: (ModelFamily.advice(task: question.task, model: question.model).map { [$0] } ?? []) + prepared.notes,
            firstText: nil, total: .zero)
        var planner = RequestPlanner(uploader: provider, cache: cache, inlineLimit: inlineLimit, pollInterval: uploadPollInterval)
        planner.progress = { progress in
            switch progress {
            case .uploading(let name, let bytes): emit(.uploading(image: name, bytes: bytes))
            case .reusing(let name, let file): emit(.reusingUpload(image: name, file: file))
            case .waitingForProcessing(let name, let file): emit(.waitingForUpload(image: name, file: file))
            }
        }

        var uploadedAgain = false
        var prepared = prepared
        var question = question
        var thinkingDropped = false
        var urlsDownloaded = false
        while true {
            do {
                let plan = try await planner.plan(prepared.ask)
                outcome.images = Self.sentImages(prepared, plan: plan)
                emit(.planned(model: plan.model, images: outcome.images))
                do {
                    for try await event in provider.answer(plan, streaming: question.streaming) {
                        outcome.answer.apply(event)
                        switch event {
                        case .text(let piece):
                            if outcome.firstText == nil, !piece.isEmpty { outcome.firstText = clock.now - started }
                            emit(.text(piece))
                        case .thought(let piece): emit(.thought(piece))
                        case .usage(let metadata): emit(.usage(Self.usage(metadata, estimate: prepared.estimatedImageTokens)))
                        case .retrying(let attempt, let delay, let error): emit(.retrying(attempt: attempt, delay: delay, error: error))
                        case .finish, .modelVersion, .blocked, .signature: break
                        }
                    }
                    try Task.checkCancellation()
                } catch let error as GeminiError where !urlsDownloaded && outcome.answer.text.isEmpty
                    && !prepared.passed.isEmpty && Self.isURLRefused(error) {
                    // Gemini could not fetch a passed URL (a model without URL support, a signed URL it cannot
                    // read): download the images and ask once more, saying so.
                    urlsDownloaded = true
                    outcome.notes.append("Gemini could not fetch \(prepared.passed.keys.sorted().joined(separator: ", ")) "
                                         + "(\(error.rpcStatus?.message ?? "HTTP 400")); downloaded and asked again")
                    let history = prepared.ask.history
                    var downloading = question
                    downloading.urlMode = .download
                    _ = try await resolveURLs(&downloading, emit: emit)
                    let notes = prepared.notes
                    prepared = try prepare(downloading, passed: [:])
                    prepared.ask.history = history
                    prepared.notes = notes
                    question.imagePaths = downloading.imagePaths
                    outcome.question = question
                    outcome.answer = GeminiAnswer()
                    continue
                } catch let error as GeminiError where !uploadedAgain && outcome.answer.text.isEmpty
                    && !plan.uploadedFiles.isEmpty && Self.isFileGone(error) {
                    // A cached upload the service no longer has (deleted, expired early): forget it, upload again once.
                    uploadedAgain = true
                    for name in plan.uploadedFiles {
                        try? await cache.remove(fileName: name)
                        emit(.uploadGone(file: name))
                    }
                    outcome.answer = GeminiAnswer()
                    continue
                } catch let error as GeminiError where !thinkingDropped && outcome.answer.text.isEmpty
                    && Self.isThinkingRefused(error) && (prepared.ask.options.thinkingLevel != nil || prepared.ask.options.thinkingBudget != nil) {
                    // The model does not take this thinking setting (a level it lacks, a budget it cannot go to):
                    // ask once more with the model's own default, and say so.
                    thinkingDropped = true
                    let setting = prepared.ask.options.thinkingLevel.map { "thinking level \($0)" }
                        ?? prepared.ask.options.thinkingBudget.map { "thinking budget \($0)" } ?? "its thinking setting"
                    outcome.notes.append("\(question.model) refused \(setting); asked again with the model's default thinking")
                    prepared.ask.options.thinkingLevel = nil
                    prepared.ask.options.thinkingBudget = nil
                    outcome.answer = GeminiAnswer()
                    continue
                }
                break
            } catch {
                outcome.total = clock.now - started
                return await fail(error, outcome: outcome, prepared: prepared)
            }
        }
        outcome.total = clock.now - started
        return await conclude(outcome, prepared: prepared)
    }

    /// A whole answer that came another way (a Batch API result, read by any later process) through the same
    /// judge, parse and save as a live one: `imageSize` is the upright size the request was made for.
    ///
    /// `sentPrompt` is the prompt text the request carried, when it is known (a Batch API job records it): the
    /// answer is stored under it, not under the prompt this process's config would make now, so "already
    /// answered" (matched by prompt) holds for what was really asked. `batchItem` is marked ingested in the
    /// transaction that saves the answer.
    public func ingest(_ answer: GeminiAnswer, for question: Question, imageSize: PixelSize, estimatedImageTokens: Int,
                       sentPrompt: String? = nil, batchItem: BatchJobItemID? = nil) async -> AskEvent {
        var prompt = prompt(for: question)
        if let sentPrompt { prompt.prompt = sentPrompt }
        let options = Self.options(prompt, model: question.model, resolution: question.mediaResolution)
        var prepared = PreparedQuestion(
            paths: question.imagePaths.map(Store.canonicalPath), prompt: prompt,
            ask: Ask(images: [], question: prompt.prompt, options: options),
            first: PreparedImage(data: Data(), mimeType: "", uprightSize: imageSize, sentSize: imageSize),
            estimatedImageTokens: estimatedImageTokens)
        prepared.batchItem = batchItem
        let outcome = AskOutcome(
            question: question, prompt: prompt, images: [], answer: answer, imageSize: imageSize,
            usage: TokenUsage(estimatedImageTokens: estimatedImageTokens), spatial: nil, stored: nil, detections: [],
            saved: nil, notes: [], firstText: nil, total: .zero)
        return await conclude(outcome, prepared: prepared)
    }

    /// The request `question` would send, counted by the service (`squint ask --count-tokens`): prepared and
    /// planned exactly as it would be asked (a follow-up with its thread, large images uploaded), nothing
    /// generated or stored.
    public func countTokens(_ question: Question) async throws -> (totalTokens: Int, estimatedImageTokens: Int) {
        var question = question
        let prepared = try await prepareAsked(&question)
        let plan = try await plannedRequest(prepared, inlineLimit: inlineLimit)
        return (try await provider.countTokens(plan), prepared.estimatedImageTokens)
    }

    /// The request `question` would send, planned (uploads through the cache) but not sent, with what is needed
    /// to read its answer later: a Batch API job's line.
    func plannedRequest(_ prepared: PreparedQuestion, inlineLimit: Int) async throws -> PlannedRequest {
        var planner = RequestPlanner(uploader: provider, cache: cache, inlineLimit: inlineLimit, pollInterval: uploadPollInterval)
        planner.progress = { _ in }
        return try await planner.plan(prepared.ask)
    }

    /// Judges, parses and saves a whole answer: the end of every run, and what a Batch API result goes through.
    func conclude(_ outcome: AskOutcome, prepared: PreparedQuestion) async -> AskEvent {
        var outcome = outcome
        outcome.usage = Self.usage(outcome.answer.usage, estimate: prepared.estimatedImageTokens)
        switch AnswerVerdict.judge(outcome.answer) {
        case .blocked(let error):
            return await fail(error, outcome: outcome, prepared: prepared)
        case .stoppedEarly(let note):
            outcome.notes.append(note)
        case .complete:
            break
        }
        return await save(outcome, prepared: prepared, complete: true, error: nil)
    }

    /// A failure after planning: saves what arrived (marked incomplete) and reports it. The save runs in a task
    /// of its own, so a cancelled question (Esc, Ctrl-C) still keeps its partial answer.
    private func fail(_ error: any Error, outcome: AskOutcome, prepared: PreparedQuestion) async -> AskEvent {
        guard !outcome.answer.text.isEmpty else { return .failed(AskFailure(error: error, outcome: outcome)) }
        let pipeline = self
        let saved = await Task {
            await pipeline.save(outcome, prepared: prepared, complete: false, error: Self.brokeOff(error))
        }.value
        if case .finished(let stored) = saved { return .failed(AskFailure(error: error, outcome: stored)) }
        return saved
    }

    /// Parses a spatial answer and saves the answer and its detections.
    private func save(_ outcome: AskOutcome, prepared: PreparedQuestion, complete: Bool, error: String?) async -> AskEvent {
        var outcome = outcome
        var detections: [Detection] = []
        if prepared.prompt.task.isSpatial {
            let result = SpatialParser.withPNGMasks.parse(outcome.answer.text, imageSize: prepared.first.uprightSize)
            outcome.spatial = result
            detections = result.detections
        }
        var draft = AnswerDraft(
            imagePath: prepared.paths[0], otherImagePaths: Array(prepared.paths.dropFirst()), task: prepared.prompt.task,
            question: prepared.prompt.subject, prompt: prepared.prompt.prompt, text: outcome.answer.text,
            model: prepared.ask.options.model, modelVersion: outcome.answer.modelVersion, usage: outcome.usage,
            imageSize: prepared.first.uprightSize, warnings: (outcome.spatial?.warnings ?? []) + outcome.notes,
            isComplete: complete, error: error, finishReason: outcome.answer.finishReason?.rawValue,
            retries: outcome.answer.retries)
        draft.remoteImages = prepared.paths.compactMap { prepared.passed[$0] }
        draft.batchItem = prepared.batchItem
        do {
            let saved = try await store.saveAnswer(draft, detections: detections)
            outcome.saved = saved
            if prepared.prompt.task == .question, complete {
                // The turn, with the model's parts as they came, so a follow-up can send them back.
                let turn = Conversation.Turn(prompt: prepared.ask.question, modelParts: outcome.answer.parts, answerID: saved.answerID)
                if let id = outcome.question.conversationID {
                    try await store.appendTurn(turn, to: id)
                    outcome.conversationID = id
                } else {
                    outcome.conversationID = try await store.startConversation(model: prepared.ask.options.model, imagePaths: prepared.paths, first: turn)
                }
            }
            outcome.detections = try await store.detections(answerID: saved.answerID)
            outcome.stored = StoredAnswer(id: saved.answerID, contentHash: saved.contentHash, detectionCount: detections.count, draft: draft,
                                          conversationID: outcome.conversationID)
            if let line = saved.replacementSummary { outcome.notes.append(line) }
        } catch {
            return .failed(AskFailure(error: error, outcome: outcome))
        }
        return .finished(outcome)
    }

    // MARK: - Preparing

    /// The question's images read, checked and prepared, and the request's parts.
    struct PreparedQuestion: Sendable {
        var paths: [String]
        var prompt: TaskPrompt
        var ask: Ask
        /// The first image as sent (the only one for spatial tasks).
        var first: PreparedImage
        var estimatedImageTokens: Int
        /// The images Gemini fetches by URL, by URL.
        var passed: [String: RemoteImage] = [:]
        /// Said once the answer is in (why a URL was downloaded rather than passed).
        var notes: [String] = []
        /// The Batch API request an ingested answer comes from.
        var batchItem: BatchJobItemID?
    }

    /// Reads, checks and prepares the images; those in `passed` stay URLs for Gemini to fetch, sized from their
    /// first bytes.
    func prepare(_ question: Question, passed: [String: RemoteImage] = [:]) throws -> PreparedQuestion {
        guard !question.imagePaths.isEmpty else { throw AskError.noImages }
        if question.task == .question, question.trimmedWords == nil { throw AskError.emptyQuestion }
        if question.task.isSpatial, question.imagePaths.count > 1 { throw AskError.oneImageOnly(question.task.rawValue) }
        let prompt = prompt(for: question)
        let family = ModelFamily.of(question.model)
        let resolution = question.mediaResolution ?? configuration.mediaResolution
        if resolution == .ultraHigh, !family.mediaResolutionPerPart { throw AskError.ultraHighNeedsPerPart(question.model) }
        let budget = configuration.pixelBudget
        var images: [AskImage] = []
        var first: PreparedImage?
        var tokens = 0
        for (index, path) in question.imagePaths.enumerated() {
            if let remote = passed[path] {
                let size = remote.uprightSize
                images.append(AskImage(remote: remote))
                tokens += family.imageTokens(width: size.width, height: size.height, resolution: resolution)
                if index == 0 { first = PreparedImage(data: Data(), mimeType: remote.mimeType, uprightSize: size, sentSize: size) }
                continue
            }
            let original = try AskImage.load(path: path)
            let prepared: PreparedImage
            do {
                prepared = try PreparedImage.prepare(data: Data(original.bytes), name: path,
                                                     maxSide: question.task.isSpatial ? prompt.maxImageSide : nil, budget: budget)
            } catch let error as ImagingError {
                // Gemini reads some files our decoders cannot; only coordinates need the size.
                guard !question.task.isSpatial else { throw AskError.unsupportedImage(path, detail: error.description) }
                prepared = PreparedImage(data: Data(original.bytes), mimeType: original.mimeType,
                                         uprightSize: PixelSize(width: 0, height: 0), sentSize: PixelSize(width: 0, height: 0))
            }
            images.append(prepared.data.count == original.bytes.count && prepared.mimeType == original.mimeType
                          ? original : try AskImage(bytes: [UInt8](prepared.data), name: path))
            tokens += family.imageTokens(width: prepared.sentSize.width, height: prepared.sentSize.height, resolution: resolution)
            if index == 0 { first = prepared }
        }
        let options = Self.options(prompt, model: question.model, resolution: resolution)
        return PreparedQuestion(
            paths: question.imagePaths.map(Store.canonicalPath), prompt: prompt,
            ask: Ask(images: images, question: prompt.prompt, options: options), first: first!,
            estimatedImageTokens: tokens, passed: passed)
    }

    /// The request options a task's prompt makes: one place for live questions and ingested Batch API results.
    static func options(_ prompt: TaskPrompt, model: String, resolution: MediaResolution?) -> AskOptions {
        var options = AskOptions(model: model, systemInstruction: prompt.systemInstruction,
                                 temperature: prompt.temperature, thinkingBudget: prompt.thinkingBudget)
        options.thinkingLevel = prompt.thinkingLevel
        options.mediaResolution = resolution
        if let schema = prompt.responseJsonSchema {
            options.responseJsonSchema = schema
            options.responseMimeType = "application/json"
        }
        return options
    }

    static func sentImages(_ prepared: PreparedQuestion, plan: PlannedRequest) -> [SentImage] {
        var uploads = plan.uploadedFiles.makeIterator()
        return zip(prepared.paths, plan.parts).map { path, part in
            switch part {
            case .file(let mimeType, _): SentImage(path: path, mimeType: mimeType, sentAs: uploads.next() ?? "file")
            case .inline(let mimeType, _): SentImage(path: path, mimeType: mimeType, sentAs: "inline")
            case .url(let mimeType, _): SentImage(path: path, mimeType: mimeType, sentAs: "url")
            case .text: SentImage(path: path, mimeType: "", sentAs: "inline")
            }
        }
    }

    /// Why an answer broke off, in the words history and the answer pane show: "cancelled" for Esc or Ctrl-C
    /// (never Swift's `CancellationError()`), else the error's own one line.
    static func brokeOff(_ error: any Error) -> String {
        if error is CancellationError { return "cancelled" }
        if let error = error as? GeminiError, error.category == .cancelled { return "cancelled" }
        return String(describing: error)
    }

    static func usage(_ metadata: UsageMetadata?, estimate: Int) -> TokenUsage {
        TokenUsage(metadata, estimatedImageTokens: estimate > 0 ? estimate : nil)
    }

    /// The service's 400 for a thinking setting the model does not take ("thinking level is not supported",
    /// "thinking budget … out of range").
    static func isThinkingRefused(_ error: GeminiError) -> Bool {
        refusal(error, statuses: [400])?.contains("thinking") == true
    }

    /// The service's 400 for a URL it would not or could not fetch: "Invalid or unsupported file uri: …" (a model
    /// without URL support), "Cannot fetch content from the provided URL" (a signed URL it cannot read).
    static func isURLRefused(_ error: GeminiError) -> Bool {
        guard let message = refusal(error, statuses: [400]) else { return false }
        return message.contains("file uri") || message.contains("fetch") || message.contains("url")
    }

    /// The service's answer to a request naming a file it deleted (or never had): 400, 403 or 404 whose
    /// message talks about the file.
    static func isFileGone(_ error: GeminiError) -> Bool {
        refusal(error, statuses: [400, 403, 404])?.contains("file") == true
    }

    /// The service's message, lowercased, when `error` is an HTTP answer with one of `statuses`: what the checks
    /// above read the reason of a refusal from.
    private static func refusal(_ error: GeminiError, statuses: Set<Int>) -> String? {
        guard let status = error.httpStatus, statuses.contains(status) else { return nil }
        return (error.rpcStatus?.message ?? "").lowercased()
    }
}
