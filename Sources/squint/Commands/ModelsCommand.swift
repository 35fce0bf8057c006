import ArgumentParser
import Foundation
import GeminiAPI
import SquintCore
import TerminalGraphics

/// `squint models`: the models that can answer questions about images.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models", abstract: "List models that accept images.",
        discussion: ExitStatus.helpSection)

    @Flag(help: "Print a JSON array.")
    var json = false

    @Flag(help: "List every model, not only those that accept images.")
    var all = false

    @OptionGroup var api: APIOptions

    func run() async throws {
        let command = self
        try await CommandRunner.run {
            let settings = try command.api.settings()
            let models = try await GeminiClient.withClient(configuration: try settings.gemini()) { client in
                try await client.allModels()
            }
            let shown = command.all ? models.sorted { $0.shortName < $1.shortName } : VisionModels.filter(models)
            command.print(shown)
        }
    }

    private func print(_ models: [Model]) {
        if json {
            Output.standardOutput.write(JSONOutput.line(VersionedList(name: "models", items: models.map(ModelEntry.init))))
            return
        }
        let width = models.map(\.shortName.count).max() ?? 0
        for model in models {
            let name = model.shortName.padding(toLength: width, withPad: " ", startingAt: 0)
            var line = "\(name)  \(model.displayName ?? "")"
            if let input = model.inputTokenLimit { line += "  (\(input.formatted()) input tokens)" }
            let family = ModelFamily.of(model.shortName)
            if family != .other { line += "  · \(family.name): \(family.goodFor)" }
            Output.standardOutput.write(TerminalSanitizer.sanitize(line) + "\n")
        }
    }
}

/// One model in `squint models --json`.
private struct ModelEntry: Encodable {
    var name: String
    var displayName: String?
    var description: String?
    var inputTokenLimit: Int?
    var outputTokenLimit: Int?
    var supportedGenerationMethods: [String]
    var thinking: Bool?
    /// The request-settings family squint uses for it (`Gemini 2.5 Flash`), and what it is advised for.
    var family: String?
    var goodFor: String?

    init(_ model: Model) {
        let known = ModelFamily.of(model.shortName)
        family = known == .other ? nil : known.name
        goodFor = known == .other ? nil : known.goodFor
        name = model.shortName
        displayName = model.displayName
        description = model.description
        inputTokenLimit = model.inputTokenLimit
        outputTokenLimit = model.outputTokenLimit
        supportedGenerationMethods = model.supportedGenerationMethods
        thinking = model.thinking
    }
}
