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

    @Option(help: "Theme name (dark, light, high-contrast, monochrome) or a path to a theme .toml file.")
    var theme: String?

    @OptionGroup var picture: ProtocolOption

    @Option(help: "Gemini model to ask (default: model in the config file, else gemini-2.5-flash).")
    var model: String?

    @OptionGroup var api: APIOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        try api.logging.bootstrapForTerminalUI(environment: environment)
        let loaded = try SquintConfiguration.load(environment: environment)
        let config = loaded.configuration
        let chosenModel = model ?? config.model

        let preference = picture.preference(config)
        let capabilities = Self.capabilities(preference: preference, environment: environment)
        let proto = RendererSelector.choose(preference, capabilities: capabilities)
        let renderer = RendererSelector.renderer(for: proto, capabilities: capabilities)
        let previews = GraphicsPreviewService(renderer: renderer, cellSize: capabilities.cellSize, budget: config.pixelBudget)

        let store = try? Store(url: Store.defaultURL(environment: environment))
        let reviewStore: any ReviewStore = store.map { CoreReviewStore(store: $0) } ?? MemoryReviewStore()

        var client: GeminiClient?
        if let settings = try? ClientSettings.resolve(environment: environment, baseURLFlag: api.baseURL) {
            client = GeminiClient(configuration: settings.gemini, environment: environment)
        }
        let answers = client.map {
            GeminiAnswerService(client: $0, store: store, model: chosenModel, spatial: config.spatial, pixelBudget: config.pixelBudget)
        }
        let services = AppServices(previews: previews, answers: answers, store: reviewStore)
        let themeName = theme ?? (config.theme == "default" ? nil : config.theme)
        let keys: [String: [String]]
        do { keys = try Keymap.overrides(configFile: loaded.paths.configFile) } catch { throw ValidationError("\(loaded.paths.configFile): \(error)") }
        let settings = Browser.Settings(folder: folder, theme: themeName, keyOverrides: keys, model: chosenModel)
        do {
            try await Browser.run(settings, services: services)
            try? await client?.shutdown()
        } catch {
            try? await client?.shutdown()
            // Setup mistakes (folder, theme, keys) are usage errors, printed as one line.
            if error is TUIError || error is ThemeError || error is KeymapError { throw ValidationError("\(error)") }
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
