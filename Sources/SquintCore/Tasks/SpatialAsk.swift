import Foundation
import GeminiAPI
import Imaging

/// One spatial question about one image, end to end: prepare the image, ask, parse, and (optionally) save.
///
/// The CLI commands and the TUI share this so that the prompt, the downscale and the coordinate mapping can
/// never differ between them.
public struct SpatialAsk: Sendable {
    public var task: AskTask
    /// Narrows the prompt (`-p WHAT`).
    public var what: String?
    public var model: String
    public var maxImageSide: Int
    public var itemLimit: Int

    public init(task: AskTask, what: String? = nil, model: String,
                maxImageSide: Int = TaskPrompt.defaultMaxImageSide, itemLimit: Int = TaskPrompt.defaultItemLimit) {
        self.task = task
        self.what = what
        self.model = model
        self.maxImageSide = maxImageSide
        self.itemLimit = itemLimit
    }

    public var prompt: TaskPrompt {
        TaskPrompt.make(task, what: what, model: model, itemLimit: itemLimit, maxImageSide: maxImageSide)
    }

    /// Asks about the image at `path` and parses the answer into detections in pixels of the upright original.
    public func run(imagePath path: String, client: GeminiClient) async throws -> SpatialAnswer {
        let data = try ImageLoader.read(url: URL(fileURLWithPath: path))
        let prompt = self.prompt
        let image = try PreparedImage.prepare(data: data, name: URL(fileURLWithPath: path).lastPathComponent, maxSide: prompt.maxImageSide)
        let request = prompt.request(images: [.inline(image.data, mimeType: image.mimeType)])
        let response = try await client.generateContent(model: model, request: request)
        let answer = GeminiAnswer(response: response)
        if let blocked = answer.blockedError { throw blocked }
        let result = task.isSpatial ? SpatialParser.withPNGMasks.parse(answer.text, imageSize: image.uprightSize) : SpatialResult()
        return SpatialAnswer(
            imagePath: Store.canonicalPath(path), image: image, model: model, prompt: prompt, text: answer.text, result: result,
            usage: TokenUsage(answer.usage))
    }
}

/// What `SpatialAsk.run` produced.
public struct SpatialAnswer: Sendable, Equatable {
    public var imagePath: String
    public var image: PreparedImage
    public var model: String
    public var prompt: TaskPrompt
    public var text: String
    public var result: SpatialResult
    public var usage: TokenUsage

    /// The store record for this answer.
    public var draft: AnswerDraft {
        AnswerDraft(imagePath: imagePath, task: prompt.task.rawValue, question: prompt.prompt, text: text, model: model,
                    usage: usage, imageSize: image.uprightSize, warnings: result.warnings)
    }
}

extension SpatialParser {
    /// The parser with masks decoded as PNG by Imaging (Gemini's masks are 8-bit grayscale PNGs).
    public static let withPNGMasks = SpatialParser { bytes in
        let gray = try ImageLoader.decodeGray(data: Data(bytes), name: "mask")
        return gray
    }
}
