import ArgumentParser
import Foundation
import GeminiAPI
import Imaging
import SquintCore
import TerminalGraphics

/// What `detect`, `segment` and `point` do: ask through the one pipeline (which saves), then print (text or
/// JSON), draw and write masks.
struct SpatialCommandRunner: Sendable {
    let task: AskTask
    let options: SpatialOptions
    let masksDirectory: String?
    var environment = ProcessInfo.processInfo.environment

    func run() async throws {
        let runner = self
        do {
            try await Interrupt.cancellingOnSIGINT { try await runner.runUnmapped() }
        } catch {
            let exit = CommandRunner.report(error)
            // With --json a failure is JSON too, so a script reading stdout learns what happened.
            if options.json {
                let failure = SpatialFailure(image: Store.canonicalPath(options.image), model: options.model,
                                             error: .init(message: String(describing: error), exitStatus: exit.rawValue))
                Output.standardOutput.write(JSONOutput.line(failure))
            }
            throw exit
        }
    }

    /// `detect|segment|point --json` when the run failed: `{"detections": [], "error": {"exitStatus", "message"},
    /// "image", "model", "version": 1}`.
    struct SpatialFailure: Encodable {
        struct Failure: Encodable {
            var message: String
            var exitStatus: Int32
        }

        var image: String
        var model: String?
        var error: Failure
        var detections: [String] = []
        var version = JSONOutput.version
    }

    private func runUnmapped() async throws {
        let options = self.options, task = self.task
        let (outcome, configuration) = try await AskSession.run(api: options.api, environment: environment, question: { settings in
            var question = Question(task: task, imagePaths: [options.image], words: options.what,
                                    model: options.model ?? settings.configuration.model, itemLimit: options.limit,
                                    maxImageSide: options.maxSide, streaming: false, mediaResolution: options.mediaResolution)
            question.urlMode = options.urlMode
            return question
        }, onEvent: AskSession.note)
        for note in outcome.notes { Diagnostics.note(note) }
        let detections = outcome.detections.map(\.detection)
        let result = outcome.spatial ?? SpatialResult()
        let maskFiles = try writeMasks(detections)
        if let out = options.out { try await writeAnnotated(outcome, to: out, configuration: configuration) }
        let image = outcome.stored?.imagePath ?? Store.canonicalPath(options.image)
        var output: String
        if options.json {
            output = SpatialReport(image: image, size: outcome.imageSize, model: outcome.question.model,
                                   detections: detections, maskFiles: maskFiles,
                                   warnings: result.warnings, usage: outcome.usage,
                                   totalSeconds: CheckedDuration.seconds(of: outcome.total)).json()
            output = JSONOutput.escaped(String(output.dropLast()), forTerminal: Output.standardOutput.isTerminal) + "\n"
        } else {
            output = SpatialTextReport.render(image: image, size: outcome.imageSize, model: outcome.question.model,
                                              result: SpatialResult(detections: detections, warnings: result.warnings,
                                                                    droppedCount: result.droppedCount),
                                              maskFiles: maskFiles)
        }
        Output.standardOutput.write(output)
        if !options.json {
            // Not data: on stderr, so `squint detect IMG > boxes.txt` holds only the detections.
            for warning in result.warnings { Diagnostics.warning(warning) }
            if let tokens = SpatialTextReport.tokens(outcome.usage) { Diagnostics.note(tokens) }
        }
    }

    /// One image-sized 0/255 PNG per mask in `--masks-dir`; the paths line up with the detections.
    private func writeMasks(_ detections: [Detection]) throws -> [String?] {
        guard let masksDirectory else { return [] }
        let folder = URL(fileURLWithPath: masksDirectory)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try detections.enumerated().map { index, detection in
            guard let mask = detection.mask else { return nil }
            let url = folder.appendingPathComponent(MaskFileName.make(index: index, label: detection.label))
            let plane = GrayImage(width: mask.imageWidth, height: mask.imageHeight, pixels: mask.fullPlane())
            try PNGEncoder.encode(plane).write(to: url, options: .atomic)
            return url.path
        }
    }

    /// The full-resolution upright image with boxes, points and masks drawn, as PNG: the file asked about, its
    /// downloaded copy, or (an image Gemini fetched by URL) a download of it now, since drawing needs the pixels.
    private func writeAnnotated(_ outcome: AskOutcome, to path: String, configuration: SquintConfiguration) async throws {
        var image = outcome.question.imagePaths.first ?? options.image
        if RemoteImages.isURL(image) {
            image = try await RemoteImages(environment: environment, downloadLimit: configuration.urlMaxBytes).localCopy(of: image)
        }
        let url = URL(fileURLWithPath: Store.canonicalPath(image))
        var bitmap = try ImageLoader.decodeFull(data: ImageLoader.read(url: url), name: url.lastPathComponent, budget: configuration.pixelBudget)
        bitmap.draw(Detection.overlays(for: outcome.detections.map(\.detection), imageSize: bitmap.size))
        try PNGEncoder.write(bitmap, to: URL(fileURLWithPath: path), effort: PNGEncoder.exportEffort(for: bitmap.size))
    }
}
