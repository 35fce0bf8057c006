import Foundation
import GeminiAPI
import Imaging

/// One spatial question about one image, end to end: prepare the image, plan the request (inline, or the
/// Files API through the upload cache), ask, and parse the answer into detections.
///
/// The CLI commands and the TUI share this so that the prompt, the downscale and the coordinate mapping can
/// never differ between them. The TUI streams: it calls `makeAsk` and `client.streamAnswer(to:planner:)`,
/// then `parse(_:for:)` on the finished text.
public struct SpatialAsk: Sendable {
    public var task: AskTask
    /// Narrows the prompt (`-p WHAT`).
    public var what: String?
    public var model: String
    public var maxImageSide: Int
    public var itemLimit: Int
    /// Overrides the spatial temperature (0.5) — `[spatial] temperature` in config.toml.
    public var temperature: Double?
    /// Overrides the thinking budget of 2.5-series models (0) — `[spatial] thinking_budget`.
    public var thinkingBudget: Int?
    /// Requests estimated above this many bytes upload their image through the Files API.
    public var inlineLimit = RequestPlanner.inlineRequestLimit
    /// Images with more pixels are refused before decoding (`max_megapixels`).
    public var pixelBudget = PixelBudget.default

    public init(task: AskTask, what: String? = nil, model: String,
                maxImageSide: Int = TaskPrompt.defaultMaxImageSide, itemLimit: Int = TaskPrompt.defaultItemLimit,
                temperature: Double? = nil, thinkingBudget: Int? = nil) {
        self.task = task
        self.what = what
        self.model = model
        self.maxImageSide = maxImageSide
        self.itemLimit = itemLimit
        self.temperature = temperature
        self.thinkingBudget = thinkingBudget
    }

    /// The task's prompt with the configured overrides applied.
    public var prompt: TaskPrompt {
        var prompt = TaskPrompt.make(task, what: what, model: model, itemLimit: itemLimit, maxImageSide: maxImageSide)
        if prompt.temperature != nil, let temperature { prompt.temperature = temperature }
        if let current = prompt.thinkingBudget, let thinkingBudget {
            // 2.5 Pro cannot turn thinking off: keep its minimum unless the model is left to decide (-1).
            prompt.thinkingBudget = current > 0 && thinkingBudget >= 0 ? max(current, thinkingBudget) : thinkingBudget
        }
        return prompt
    }

    /// Reads and prepares the image and builds the question, for callers that send it themselves.
    /// An unreadable or undecodable image is an `AskError` (a usage error).
    public func makeAsk(imagePath path: String) throws -> (ask: Ask, image: PreparedImage) {
        let original = try AskImage.load(path: path)
        let prompt = self.prompt
        let image: PreparedImage
        do {
            image = try PreparedImage.prepare(data: Data(original.bytes), name: path, maxSide: prompt.task.isSpatial ? prompt.maxImageSide : nil,
                                           budget: pixelBudget)
        } catch let error as ImagingError {
            throw AskError.unsupportedImage(path, detail: error.description)
        }
        let sent = try AskImage(bytes: [UInt8](image.data), name: path)
        let options = AskOptions(model: model, systemInstruction: prompt.systemInstruction, temperature: prompt.temperature,
                                 thinkingBudget: prompt.thinkingBudget)
        return (Ask(images: [sent], question: prompt.prompt, options: options), image)
    }

    /// Parses a finished answer about `image`.
    public func parse(_ text: String, for image: PreparedImage) -> SpatialResult {
        task.isSpatial ? SpatialParser.withPNGMasks.parse(text, imageSize: image.uprightSize) : SpatialResult()
    }

    /// Asks about the image at `path` (one unary request) and parses the answer.
    public func run(imagePath path: String, client: GeminiClient, cache: any UploadCache) async throws -> SpatialAnswer {
        let (ask, image) = try makeAsk(imagePath: path)
        let planner = RequestPlanner(uploader: client, cache: cache, inlineLimit: inlineLimit)
        let plan = try await planner.plan(ask)
        let response: GenerateContentResponse
        switch await Self.send(plan, client: client) {
        case .success(let value):
            response = value
        case .failure(let error):
            guard !plan.uploadedFiles.isEmpty, Self.isFileGone(error) else { throw error }
            // A cached upload the service no longer has: forget it and upload again, once.
            for name in plan.uploadedFiles { try? await cache.remove(fileName: name) }
            response = try await Self.send(try await planner.plan(ask), client: client).get()
        }
        let answer = GeminiAnswer(response: response)
        if let blocked = answer.blockedError { throw blocked }
        return SpatialAnswer(
            imagePath: Store.canonicalPath(path), image: image, model: model, prompt: prompt, text: answer.text,
            result: parse(answer.text, for: image),
            usage: TokenUsage(answer.usage, estimatedImageTokens: ImageTokenEstimate.tokens(width: image.sentSize.width, height: image.sentSize.height)))
    }
}

extension SpatialAsk {
    static func send(_ plan: PlannedRequest, client: GeminiClient) async -> Result<GenerateContentResponse, GeminiError> {
        do {
            return .success(try await client.generateContent(model: plan.model, request: plan.generateContentRequest))
        } catch {
            return .failure(error)
        }
    }

    /// The service's answer to a request naming a file it deleted (or never had): 403 or 404 whose message
    /// talks about the file.
    static func isFileGone(_ error: GeminiError) -> Bool {
        guard let status = error.httpStatus, [400, 403, 404].contains(status) else { return false }
        let message = (error.rpcStatus?.message ?? "").lowercased()
        return message.contains("file")
    }
}
