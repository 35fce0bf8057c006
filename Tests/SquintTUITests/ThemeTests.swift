import Foundation
import Testing
@testable import SquintTUI

@Suite struct ThemeTests {
    static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../themes").standardized

    @Test func builtinCopiesMatchTheThemeFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesFolder.path).filter { $0.hasSuffix(".toml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(ThemeLoader.builtinSources.map(\.name)))
        for (name, toml) in ThemeLoader.builtinSources {
            let file = try String(contentsOf: Self.themesFolder.appendingPathComponent("\(name).toml"), encoding: .utf8)
            #expect(file == toml + "\n", "themes/\(name).toml differs from the built-in copy")
        }
    }

    @Test func everyShippedThemeParsesAndStylesEveryRole() throws {
        for (name, toml) in ThemeLoader.builtinSources {
            let theme = try ThemeLoader.parse(toml, fallbackName: name)
            #expect(theme.name == name)
            for role in ThemeRole.allCases { #expect(theme.styles[role] != nil, "\(name) lacks \(role.rawValue)") }
        }
    }

    @Test func colourParsingAndPaletteMapping() {
        #expect(ThemeColor(parsing: "#ff0000") == .rgb(255, 0, 0))
        #expect(ThemeColor(parsing: "bright-blue") == .indexed(12))
        #expect(ThemeColor(parsing: "200") == .indexed(200))
        #expect(ThemeColor(parsing: "#12") == nil)
        #expect(ThemeColor.rgb(255, 0, 0).paletteIndex(colors: 256) == 196)
        #expect(ThemeColor.rgb(255, 0, 0).paletteIndex(colors: 8) == 1)
        #expect(ThemeColor.terminalDefault.paletteIndex(colors: 256) == -1)
        #expect(ThemeColor.rgb(0x4e, 0x4e, 0x4e).paletteIndex(colors: 8) == 7, "dark grey borders stay visible on 8 colours")
        #expect(ThemeColor.rgb(0x4e, 0x4e, 0x4e).paletteIndex(colors: 16) == 8)
    }

    @Test("every shipped theme keeps text readable on 8, 16 and 256 colours", arguments: [8, 16, 256])
    func textStaysVisibleOnSmallPalettes(colors: Int) throws {
        for theme in ThemeLoader.available(configDirectory: nil) {
            for role in ThemeRole.allCases {
                let style = theme.style(role)
                let background = style.background.paletteIndex(colors: colors)
                let foreground = ThemeColor.legibleForeground(style.foreground.paletteIndex(colors: colors), on: background)
                if background >= 0 { #expect(foreground != background, "\(theme.name).\(role) on \(colors) colours") }
            }
        }
        // Light grey on dark grey: both white on 8 colours, so the text turns black.
        let grey = ThemeColor.rgb(0xd0, 0xd0, 0xd0).paletteIndex(colors: 8), bar = ThemeColor.rgb(0x3a, 0x3a, 0x3a).paletteIndex(colors: 8)
        #expect(grey == bar)
        #expect(ThemeColor.legibleForeground(grey, on: bar) == 0)
        #expect(ThemeColor.legibleForeground(3, on: 0) == 3)
        #expect(ThemeColor.legibleForeground(-1, on: -1) == -1)
    }

    @Test func badThemesSayWhy() {
        #expect(throws: ThemeError.self) { try ThemeLoader.parse("[styles]\nsparkle = { fg = \"red\" }", fallbackName: "x") }
        #expect(throws: ThemeError.self) { try ThemeLoader.parse("[styles]\ntext = { fg = \"#zzzzzz\" }", fallbackName: "x") }
        #expect(throws: ThemeError.self) { try ThemeLoader.resolve("nope", among: ThemeLoader.available(configDirectory: nil)) }
    }

    @Test func noColorKeepsAttributesOnly() throws {
        let dark = try ThemeLoader.resolve("dark", among: ThemeLoader.available(configDirectory: nil))
        let plain = dark.withoutColor()
        for style in plain.styles.values {
            #expect(style.foreground == .terminalDefault && style.background == .terminalDefault)
        }
        #expect(plain.style(.selection).reverse)
    }

    @Test func userThemesLoadFromTheirFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("squint-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "name = \"mine\"\n[styles]\ntext = { fg = 33 }\n".write(to: dir.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        let themes = ThemeLoader.available(configDirectory: dir)
        #expect(themes.map(\.name).suffix(1) == ["mine"])
        #expect(themes.last?.style(.text).foreground == .indexed(33))
    }
}
