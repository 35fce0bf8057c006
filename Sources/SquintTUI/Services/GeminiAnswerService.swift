import Foundation
import GeminiAPI
import Imaging
import SquintCore

/// Asking through SquintCore's `SpatialAsk` (the same prompts, downscale and parsing as `squint detect`) and
/// the streaming Gemini client; finished answers and their detections are saved to the store.
public struct GeminiAnswerService: AnswerService {
    let client: GeminiClient
    let store: Store?
    let cache: any UploadCache
    public let modelName: String
    let spatial: SquintConfiguration.SpatialSettings
    let pixelBudget: PixelBudget

    public init(client: GeminiClient, store: Store?, model: String, spatial: SquintConfiguration.SpatialSettings,
                pixelBudget: PixelBudget = .default) {
        self.client = client
        self.store = store
        self.cache = store.map { StoreUploadCache(store: $0) } ?? InMemoryUploadCache()
        self.modelName = model
        self.spatial = spatial
        self.pixelBudget = pixelBudget
    }

    public func run(_ spec: RequestSpec) -> AsyncThrowingStream<AnswerUpdate, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: AnswerUpdate.self)
        let service = self
        let task = Task {
            do {
                try await service.perform(spec, continuation)
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    static func task(for kind: RequestKind) -> AskTask {
        switch kind {
        case .ask: return .question
        case .caption: return .caption
        case .detect: return .detect
        case .segment: return .segment
        case .points: return .point
        }
    }

    func perform(_ spec: RequestSpec, _ continuation: AsyncThrowingStream<AnswerUpdate, any Error>.Continuation) async throws {
        guard let first = spec.images.first else { return }
        let task = Self.task(for: spec.kind)
        var ask = SpatialAsk(task: task, what: spec.question.isEmpty ? nil : spec.question, model: modelName,
                             maxImageSide: spatial.maxSide, temperature: spatial.temperature, thinkingBudget: spatial.thinkingBudget)
        ask.pixelBudget = pixelBudget
        var (question, image) = try ask.makeAsk(imagePath: first)
        for other in spec.images.dropFirst() { question.images.append(try AskImage.load(path: other)) }
        let planner = RequestPlanner(uploader: client, cache: cache)
        var text = ""
        var usage: UsageMetadata?
        for try await event in client.streamAnswer(to: question, planner: planner) {
            switch event {
            case .text(let piece):
                text += piece
                continuation.yield(.delta(piece))
            case .usage(let metadata):
                usage = metadata
                continuation.yield(.usage(SquintTUI.TokenUsage(prompt: metadata.promptTokenCount ?? 0, output: metadata.candidatesTokenCount ?? 0)))
            case .blocked(let reason, let message):
                throw TUIError.unavailable("the prompt was blocked (\(reason))\(message.map { ": \($0)" } ?? "")")
            default:
                break
            }
        }
        try Task.checkCancellation()
        let result = ask.parse(text, for: image)
        var items: [DetectionItem]?
        if let store {
            let draft = AnswerDraft(
                imagePath: Store.canonicalPath(first), otherImagePaths: spec.images.dropFirst().map(Store.canonicalPath),
                task: task.rawValue, question: spec.question.isEmpty ? ask.prompt.prompt : spec.question, text: text, model: modelName,
                usage: SquintCore.TokenUsage(usage, estimatedImageTokens: nil), imageSize: image.uprightSize, warnings: result.warnings)
            let answerID = try store.saveAnswer(draft, detections: result.detections)
            if task.isSpatial { items = try store.detections(answerID: answerID).map(DetectionItem.init(stored:)) }
        } else if task.isSpatial {
            items = result.detections.enumerated().map { index, detection in
                DetectionItem(detection: detection, imageSize: image.uprightSize, id: Int64(index), label: detection.label, review: .pending)
            }
        }
        continuation.yield(.finished(task.isSpatial ? (items ?? []) : nil))
    }
}
