import TerminalGraphics
import Foundation

/// The entry point `squint [DIR]` calls: builds the first state from the options and runs the event loop.
public enum Browser {
    public struct Settings: Sendable {
        public var folder: String
        /// A theme name, a path to a theme file, or nil / `auto` / `default`: the light or dark theme by the
        /// terminal's background.
        public var theme: String?
        public var keyOverrides: [String: [String]]
        public var model: String
        /// The terminal's background colour as the probe heard it (OSC 11); nil when it did not answer.
        public var background: RGB?
        /// One line for the status bar at start, e.g. why pictures inside tmux are drawn with characters
        /// (`RendererSelector.tmuxNotice`).
        public var notice: String?
        /// The review's class list (config `classes` or `--classes FILE`).
        public var classes: [String]
        public init(folder: String, theme: String? = nil, keyOverrides: [String: [String]] = [:], model: String,
                    classes: [String] = [], background: RGB? = nil, notice: String? = nil) {
            self.classes = classes
            self.folder = folder
            self.theme = theme
            self.keyOverrides = keyOverrides
            self.model = model
            self.background = background
            self.notice = notice
        }
    }

    /// Validates the settings (theme, keys, folder) before curses starts, so mistakes print as one line.
    public static func prepare(_ settings: Settings, services: AppServices,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (AppState, TUIApp.Options) {
        var isDirectory: ObjCBool = false
        let folder = URL(fileURLWithPath: settings.folder).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TUIError.unavailable(FileManager.default.fileExists(atPath: folder) ? "\(folder): not a folder" : "\(folder): no such folder")
        }
        let background = TerminalBackground.detect(probed: settings.background, environment: environment)
        let selection = try ThemeSelection.choose(settings.theme, among: ThemeLoader.available(), background: background?.0)
        let themes = selection.themes
        let keymap = try Keymap(overrides: settings.keyOverrides)
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        var state = AppState(folder: folder, size: CellSize(columns: 80, rows: 24), keymap: keymap,
                             themeNames: themes.map(\.name), themeIndex: selection.index,
                             model: settings.model,
                             graphicsMode: services.previews.modeName, hasAPIKey: services.asking != nil)
        state.info = settings.notice
        state.classes = settings.classes
        return (state, TUIApp.Options(themes: themes, noColor: noColor))
    }

    public static func run(_ settings: Settings, services: AppServices) async throws {
        let (state, options) = try prepare(settings, services: services)
        try await TUIApp.run(state: state, services: services, options: options)
    }
}
