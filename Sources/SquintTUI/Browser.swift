import TerminalGraphics
import Foundation

/// The entry point `squint [DIR]` calls: builds the first state from the options and runs the event loop.
public enum Browser {
    public struct Settings: Sendable {
        public var folder: String
        /// A theme name or a path to a theme file; nil uses the first (dark).
        public var theme: String?
        public var keyOverrides: [String: [String]]
        public var model: String
        public init(folder: String, theme: String? = nil, keyOverrides: [String: [String]] = [:], model: String) {
            self.folder = folder
            self.theme = theme
            self.keyOverrides = keyOverrides
            self.model = model
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
        var themes = ThemeLoader.available()
        var themeIndex = 0
        if let name = settings.theme {
            let theme = try ThemeLoader.resolve(name, among: themes)
            if let index = themes.firstIndex(where: { $0.name == theme.name }) {
                themes[index] = theme
                themeIndex = index
            } else {
                themes.append(theme)
                themeIndex = themes.count - 1
            }
        }
        let keymap = try Keymap(overrides: settings.keyOverrides)
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let state = AppState(folder: folder, size: CellSize(columns: 80, rows: 24), keymap: keymap,
                             themeNames: themes.map(\.name), themeIndex: themeIndex,
                             model: settings.model,
                             graphicsMode: services.previews.modeName, hasAPIKey: services.asking != nil)
        return (state, TUIApp.Options(themes: themes, noColor: noColor))
    }

    public static func run(_ settings: Settings, services: AppServices) async throws {
        let (state, options) = try prepare(settings, services: services)
        try await TUIApp.run(state: state, services: services, options: options)
    }
}
