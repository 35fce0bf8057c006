import ArgumentParser
import Foundation
import SquintTUI

/// `squint [DIR]`: the TUI. The default subcommand, so `squint` alone opens the current folder.
struct BrowseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the TUI on a folder (the default: `squint` alone opens the current folder)."
    )

    @Argument(help: "The folder to open.", completion: .directory)
    var folder: String = "."

    @Option(help: "Theme name (dark, light, high-contrast, monochrome) or a path to a theme .toml file.")
    var theme: String?

    @Option(name: .customLong("protocol"), help: "Picture protocol: auto, kitty, sixel, iterm, symbols, ascii.")
    var graphicsProtocol: String = "auto"

    @Option(help: "Gemini model to ask.")
    var model: String?

    @Option(help: "Base URL of the Gemini API (for a proxy or the test server).")
    var baseURL: String?

    func run() async throws {
        let services = AppServices(
            previews: UnavailablePreviewService(reason: "no image decoder in this build"),
            answers: nil,
            store: MemoryReviewStore()
        )
        let settings = Browser.Settings(folder: folder, theme: theme, model: model ?? "gemini-2.5-flash")
        do {
            try await Browser.run(settings, services: services)
        } catch let error as TUIError {
            throw ValidationError(error.description)
        } catch let error as ThemeError {
            throw ValidationError(error.description)
        } catch let error as KeymapError {
            throw ValidationError(error.description)
        }
    }
}
