import Foundation
import SquintCore
import TerminalGraphics
import Testing
@testable import SquintTUI

/// `theme = "auto"`: the background decides light or dark; `t` cycles only through themes that read on it.
@Suite struct ThemeSelectionTests {
    static let builtins = ThemeLoader.available(configDirectory: nil)

    @Test("a probed background colour decides light or dark", arguments: [
        (RGB(0, 0, 0), TerminalBackground.dark), (RGB(255, 255, 255), .light),
        (RGB(0x00, 0x2b, 0x36), .dark),   // solarized dark
        (RGB(0xfd, 0xf6, 0xe3), .light),  // solarized light
        (RGB(0x1e, 0x1e, 0x1e), .dark), (RGB(0xee, 0xee, 0xec), .light),
        // Mid greys: WCAG luminance 0.181 (#767676) reads better with black text, 0.178 (#757575) with white.
        (RGB(0x76, 0x76, 0x76), .light), (RGB(0x75, 0x75, 0x75), .dark),
        (RGB(0, 0, 255), .dark), (RGB(255, 255, 0), .light),
    ])
    func backgroundFromColour(color: RGB, expected: TerminalBackground) {
        #expect(TerminalBackground(color: color) == expected, "\(color)")
    }

    @Test func colorfgbgNamesTheBackgroundLast() {
        #expect(TerminalBackground(colorfgbg: "15;0") == .dark)
        #expect(TerminalBackground(colorfgbg: "0;15") == .light)
        #expect(TerminalBackground(colorfgbg: "0;default;15") == .light)
        #expect(TerminalBackground(colorfgbg: "0;7") == .light)
        #expect(TerminalBackground(colorfgbg: "15;8") == .dark)
        #expect(TerminalBackground(colorfgbg: "7;default") == nil)
        #expect(TerminalBackground(colorfgbg: "0;16") == nil)
        #expect(TerminalBackground(colorfgbg: "") == nil)
        #expect(TerminalBackground(colorfgbg: "garbage") == nil)
    }

    @Test func theProbeWinsOverTheEnvironmentAndNothingMeansUnknown() {
        let light = TerminalBackground.detect(probed: RGB(250, 250, 250), environment: ["COLORFGBG": "15;0"])
        #expect(light?.0 == .light && light?.1 == .probe)
        let fromEnvironment = TerminalBackground.detect(probed: nil, environment: ["COLORFGBG": "0;15"])
        #expect(fromEnvironment?.0 == .light && fromEnvironment?.1 == .colorfgbg)
        #expect(TerminalBackground.detect(probed: nil, environment: [:]) == nil)
    }

    @Test func autoPicksTheThemeMadeForTheBackground() throws {
        for requested in [nil, "auto", "default"] as [String?] {
            let onLight = try ThemeSelection.choose(requested, among: Self.builtins, background: .light)
            #expect(onLight.theme.name == "light" && onLight.automatic)
            let onDark = try ThemeSelection.choose(requested, among: Self.builtins, background: .dark)
            #expect(onDark.theme.name == "dark")
            let unknown = try ThemeSelection.choose(requested, among: Self.builtins, background: nil)
            #expect(unknown.theme.name == "dark", "unknown background: dark")
        }
    }

    @Test func theCycleSkipsThemesForTheOtherBackground() throws {
        let onDark = try ThemeSelection.choose("auto", among: Self.builtins, background: .dark)
        #expect(onDark.themes.map(\.name) == ["dark", "high-contrast", "monochrome"])
        let onLight = try ThemeSelection.choose("auto", among: Self.builtins, background: .light)
        #expect(onLight.themes.map(\.name) == ["light", "high-contrast", "monochrome"])
        let unknown = try ThemeSelection.choose("auto", among: Self.builtins, background: nil)
        #expect(unknown.themes.count == Self.builtins.count, "with an unknown background every theme stays reachable")
        // Named on purpose: kept even where it does not suit, and not automatic.
        let named = try ThemeSelection.choose("light", among: Self.builtins, background: .dark)
        #expect(named.theme.name == "light" && !named.automatic)
        #expect(named.themes.map(\.name).contains("dark"))
    }

    @Test func userThemesSayWhichBackgroundTheySuit() throws {
        let sepia = try ThemeLoader.parse("name = \"sepia\"\nbackground = \"light\"\n[styles]\ntext = {}\n", fallbackName: "x")
        #expect(sepia.background == .light)
        let onDark = try ThemeSelection.choose("auto", among: Self.builtins + [sepia], background: .dark)
        #expect(!onDark.themes.contains { $0.name == "sepia" })
        #expect(throws: ThemeError.self) { try ThemeLoader.parse("background = \"grey\"\n", fallbackName: "x") }
    }

    @Test func browserStartsWithTheAutoThemeFromTheProbe() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("squint-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.path
        let store = try Store(url: dir.appendingPathComponent("squint.db"))
        let services = AppServices(previews: UnavailablePreviewService(reason: "test"), asking: nil, store: store)
        let settings = Browser.Settings(folder: folder, theme: "auto", model: "m", background: RGB(255, 255, 255))
        let (state, options) = try Browser.prepare(settings, services: services, environment: [:])
        #expect(state.themeName == "light")
        #expect(options.themes[state.themeIndex].name == "light")
        let (fromEnv, _) = try Browser.prepare(Browser.Settings(folder: folder, model: "m"), services: services,
                                               environment: ["COLORFGBG": "0;15"])
        #expect(fromEnv.themeName == "light")
    }
}
