import ArgumentParser
import Foundation
import GeminiAPI
import Imaging
import SquintCore
import SquintTUI
import TerminalGraphics

/// `squint [DIR]`: the TUI. The default subcommand, so `squint` alone opens the current folder.
struct BrowseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the TUI on a folder (the default: `squint` alone opens the current folder).",
        discussion: """
            Browse, preview, ask Gemini, detect, review and export without leaving the keyboard; press ? inside \
            for every key. Without an API key (GEMINI_API_KEY) the folder can still be browsed and previewed.
            """
    )

    @Argument(help: "The folder to open.", completion: .directory)
    var folder: String = "."

    @Option(help: "Theme: auto (light or dark by the terminal's background), dark, light, high-contrast, monochrome, or a path to a theme .toml file.")
    var theme: String?

    @OptionGroup var picture: ProtocolOption

    @Option(help: ArgumentHelp(HelpText.model))
    var model: String?

    @Option(help: ArgumentHelp("The classes to review with, one per line (blank lines and # comments skipped); replaces the config's classes.", valueName: "FILE"),
            completion: .file())
    var classes: String?

    @OptionGroup var api: APIOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        // Everything that can be wrong with the setup is found here, before curses starts, as one line
        // (exit status 2): logging, config, key file, store, theme, keys, folder.
        let settings: SquintSettings
        let store: Store
        var config: SquintConfiguration
        do {
            // Logs never go to the terminal curses draws on: the TUI's log is a file.
            if let path = try api.logging.bootstrapForTerminalUI(environment: environment) {
                Diagnostics.note("logging to \(path)")
            }
            settings = try api.settings(requireKey: false, environment: environment)
            store = try settings.openStore()
            config = settings.configuration
            if let classes { config.classes = try ClassList.load(path: classes) }
        } catch {
            throw CommandRunner.report(error)
        }
        let chosenModel = model ?? config.model

        let preference = picture.preference(config)
        let capabilities = Self.capabilities(preference: preference, environment: environment)
        let proto = RendererSelector.choose(preference, capabilities: capabilities)
        let renderer = RendererSelector.renderer(for: proto, capabilities: capabilities)
        let previews = GraphicsPreviewService(renderer: renderer, cellSize: capabilities.cellSize, budget: config.pixelBudget)

        let client: GeminiClient? = try settings.apiKey.map { _ in
            GeminiClient(configuration: try settings.gemini(), environment: environment)
        }
        let asking = client.map { AskPipeline(provider: $0, store: store, configuration: config) }
        let services = AppServices(previews: previews, asking: asking, store: store)
        let forced: GraphicsProtocol? = if case .forced(let proto) = preference { proto } else { nil }
        let browser = Browser.Settings(folder: folder, theme: theme ?? config.theme, keyOverrides: config.keys, model: chosenModel,
                                       classes: config.classes,
                                       background: capabilities.background,
                                       notice: RendererSelector.tmuxNotice(capabilities, forced: forced))
        do {
            try await Browser.run(browser, services: services)
            try? await client?.shutdown()
        } catch {
            try? await client?.shutdown()
            // Setup mistakes (folder, theme, keys) are usage errors, printed as one line.
            if error is KeymapError { throw CommandRunner.report(ValidationError("\(settings.paths.configFile): [keys]: \(error)")) }
            if case let error as TUIError = error, error.isUnsaved { throw CommandRunner.report(error) }
            if error is TUIError || error is ThemeError { throw CommandRunner.report(ValidationError("\(error)")) }
            throw error
        }
    }

    /// Asks the terminal what it can do, unless a text mode was forced (nothing to find out then).
    static func capabilities(preference: ProtocolPreference, environment: [String: String]) -> TerminalCapabilities {
        let fallback = PixelSize(width: 10, height: 20)
        if case .forced(let proto) = preference, !proto.isPixelProtocol {
            return TerminalCapabilities.resolve(replies: nil, environment: TerminalEnvironment(environment), window: nil,
                                                tmux: nil, fallbackCellSize: fallback)
        }
        guard isatty(STDOUT_FILENO) == 1 else {
            return TerminalCapabilities.resolve(replies: nil, environment: TerminalEnvironment(environment), window: nil,
                                                tmux: nil, fallbackCellSize: fallback)
        }
        return TerminalProbe(fallbackCellSize: fallback, environment: environment).run()
    }
}
