import ArgumentParser
import Foundation
import GeminiAPI
import Imaging
import SquintCore
import TerminalGraphics

/// What `detect`, `segment` and `point` do: ask, parse, save, then print (text or JSON), draw and write masks.
struct SpatialCommandRunner {
    let task: AskTask
    let options: SpatialOptions
    let masksDirectory: String?
    var environment = ProcessInfo.processInfo.environment

    func run() async throws {
        do {
            try await runUnmapped()
        } catch let error as ExitCode {
            throw error
        } catch {
            throw SpatialExit.report(error)
        }
    }

    private func runUnmapped() async throws {
        let loaded = try SquintConfiguration.load(environment: environment)
        loaded.warnings.forEach { StandardError.print("warning: \(TerminalSanitizer.sanitize($0))") }
        let configuration = loaded.configuration
        let key = try APIKeyResolver.resolve(environment: environment, keyFile: configuration.apiKeyFile, configPath: loaded.paths.configFile)
        key.warnings.forEach { StandardError.print("warning: \($0)") }
        let baseURL = try BaseURLResolver.resolve(flag: options.baseURL, environment: environment, configuration: configuration)
        let gemini = GeminiConfiguration(
            apiKey: key.key.value, baseURL: baseURL,
            connectTimeout: configuration.timeouts.connect, streamIdleTimeout: configuration.timeouts.streamIdle,
            requestTimeout: configuration.timeouts.request,
            retryPolicy: RetryPolicy(maxAttempts: configuration.retry.maxAttempts, initialBackoff: configuration.retry.initialBackoff,
                                     maxBackoff: configuration.retry.maxBackoff, maxRetryDelay: configuration.retry.maxRetryDelay),
            userAgent: "squint")
        let ask = SpatialAsk(task: task, what: options.what, model: options.model ?? configuration.model,
                             maxImageSide: options.maxSide ?? configuration.spatial.maxSide,
                             itemLimit: options.limit ?? TaskPrompt.defaultItemLimit)
        var answer = try await GeminiClient.withClient(configuration: gemini, environment: environment) { client in
            try await ask.run(imagePath: options.image, client: client)
        }
        answer.usage.estimatedImageTokens = ImageTokenEstimate.tokens(width: answer.image.sentSize.width, height: answer.image.sentSize.height)

        do {
            let store = try Store(url: Store.defaultURL(environment: environment))
            try store.saveAnswer(answer.draft, detections: answer.result.detections)
        } catch {
            StandardError.print("warning: the answer was not saved: \(error)")
        }

        let maskFiles = try writeMasks(answer)
        if let out = options.out { try writeAnnotated(answer, to: out) }
        let output: String
        if options.json {
            output = SpatialReport(image: answer.imagePath, size: answer.image.uprightSize, model: answer.model,
                                   detections: answer.result.detections, maskFiles: maskFiles,
                                   warnings: answer.result.warnings, usage: answer.usage).json()
        } else {
            output = SpatialTextReport.render(image: answer.imagePath, size: answer.image.uprightSize, model: answer.model,
                                              result: answer.result, maskFiles: maskFiles, usage: answer.usage)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
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
    private func writeAnnotated(_ answer: SpatialAnswer, to path: String) throws {
        let url = URL(fileURLWithPath: answer.imagePath)
        var bitmap = try ImageLoader.decodeFull(data: ImageLoader.read(url: url), name: url.lastPathComponent)
        bitmap.draw(Detection.overlays(for: answer.result.detections, imageSize: bitmap.size))
        try PNGEncoder.write(bitmap, to: URL(fileURLWithPath: path))
    }
}
