import ArgumentParser
import Foundation
import GeminiAPI
import Imaging
import SquintCore
import TerminalGraphics

/// What `detect`, `segment` and `point` do: ask, parse, save, then print (text or JSON), draw and write masks.
struct SpatialCommandRunner: Sendable {
    let task: AskTask
    let options: SpatialOptions
    let masksDirectory: String?
    var environment = ProcessInfo.processInfo.environment

    func run() async throws {
        try await CommandRunner.run { try await runUnmapped() }
    }

    private func runUnmapped() async throws {
        let settings = try options.api.settings(environment: environment)
        let configuration = settings.configuration
        var ask = SpatialAsk(task: task, what: options.what, model: options.model ?? configuration.model,
                             maxImageSide: options.maxSide ?? configuration.spatial.maxSide,
                             itemLimit: options.limit ?? TaskPrompt.defaultItemLimit,
                             temperature: configuration.spatial.temperature, thinkingBudget: configuration.spatial.thinkingBudget)
        ask.pixelBudget = configuration.pixelBudget
        let store: Store?
        do {
            store = try Store(url: Store.defaultURL(environment: environment))
        } catch {
            Diagnostics.warning("the store cannot be opened, so nothing will be saved: \(error)")
            store = nil
        }
        let cache: any UploadCache = store.map { StoreUploadCache(store: $0) } ?? InMemoryUploadCache()
        let answer = try await GeminiClient.withClient(configuration: settings.gemini, environment: environment) { client in
            try await ask.run(imagePath: options.image, client: client, cache: cache)
        }

        do {
            try store?.saveAnswer(answer.draft, detections: answer.result.detections)
        } catch {
            Diagnostics.warning("the answer was not saved: \(error)")
        }

        let maskFiles = try writeMasks(answer)
        if let out = options.out { try writeAnnotated(answer, to: out, budget: configuration.pixelBudget) }
        let output: String
        if options.json {
            output = SpatialReport(image: answer.imagePath, size: answer.image.uprightSize, model: answer.model,
                                   detections: answer.result.detections, maskFiles: maskFiles,
                                   warnings: answer.result.warnings, usage: answer.usage).json()
        } else {
            output = SpatialTextReport.render(image: answer.imagePath, size: answer.image.uprightSize, model: answer.model,
                                              result: answer.result, maskFiles: maskFiles, usage: answer.usage)
        }
        Output.standardOutput.write(output)
    }

    /// One image-sized 0/255 PNG per mask in `--masks-dir`; the paths line up with the detections.
    private func writeMasks(_ answer: SpatialAnswer) throws -> [String?] {
        guard let masksDirectory else { return [] }
        let folder = URL(fileURLWithPath: masksDirectory)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try answer.result.detections.enumerated().map { index, detection in
            guard let mask = detection.mask else { return nil }
            let url = folder.appendingPathComponent(MaskFileName.make(index: index, label: detection.label))
            let plane = GrayImage(width: mask.imageWidth, height: mask.imageHeight, pixels: mask.fullPlane())
            try PNGEncoder.encode(plane).write(to: url, options: .atomic)
            return url.path
        }
    }

    /// The full-resolution upright image with boxes, points and masks drawn, as PNG.
    private func writeAnnotated(_ answer: SpatialAnswer, to path: String, budget: PixelBudget) throws {
        let url = URL(fileURLWithPath: answer.imagePath)
        var bitmap = try ImageLoader.decodeFull(data: ImageLoader.read(url: url), name: url.lastPathComponent, budget: budget)
        bitmap.draw(Detection.overlays(for: answer.result.detections, imageSize: bitmap.size))
        try PNGEncoder.write(bitmap, to: URL(fileURLWithPath: path), effort: PNGEncoder.exportEffort(for: bitmap.size))
    }
}
