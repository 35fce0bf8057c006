import Foundation
import Testing
@testable import SquintTUI

/// Every built-in theme reads on the terminal it is made for and stays legible on the other: text is the
/// terminal's own colour, anything with a background of its own is a full pair, accents keep their contrast.
@Suite struct ThemeContrastTests {
    static let black = ThemeColor.rgb(0, 0, 0), white = ThemeColor.rgb(255, 255, 255)

    /// WCAG 2 contrast ratio of two colours, 1…21.
    static func contrast(_ a: ThemeColor, _ b: ThemeColor) -> Double {
        func luminance(_ c: ThemeColor) -> Double {
            guard let (r, g, b) = c.rgbValue else { return 0 }
            func linear(_ v: Int) -> Double {
                let x = Double(v) / 255
                return x <= 0.04045 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
        }
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    static var themes: [Theme] { ThemeLoader.available(configDirectory: nil) }

    @Test func theContrastMeasureIsTheWCAGOne() {
        #expect(abs(Self.contrast(Self.black, Self.white) - 21) < 0.01)
        #expect(abs(Self.contrast(.rgb(0x76, 0x76, 0x76), Self.white) - 4.54) < 0.02)
        #expect(Self.contrast(Self.black, Self.black) == 1)
    }

    @Test func aBackgroundNeverComesWithoutItsForeground() {
        for theme in Self.themes {
            for role in ThemeRole.allCases {
                let style = theme.style(role)
                if style.background != .terminalDefault {
                    #expect(style.foreground != .terminalDefault, "\(theme.name).\(role.rawValue): a background with the terminal's foreground")
                }
            }
        }
    }

    @Test func everyPairHasContrast() {
        for theme in Self.themes {
            for role in ThemeRole.allCases {
                let style = theme.style(role)
                guard style.background != .terminalDefault, style.foreground != .terminalDefault else { continue }
                let ratio = Self.contrast(style.foreground, style.background)
                #expect(ratio >= 4.5, "\(theme.name).\(role.rawValue): \(ratio)")
            }
        }
    }

    @Test func ordinaryTextIsTheTerminalsOwn() {
        for name in ["dark", "light"] {
            let theme = Self.themes.first { $0.name == name }!
            for role in [ThemeRole.text, .prompt, .bold] {
                #expect(theme.style(role).foreground == .terminalDefault && theme.style(role).background == .terminalDefault,
                        "\(name).\(role.rawValue) should use the terminal's default colours")
            }
            #expect(theme.background?.rawValue == name)
        }
    }

    /// Accents drawn on the terminal's own background: 4.5:1 on the one the theme is made for, 2.5:1 on the
    /// other (where `t` can still land when the background is unknown); borders are decoration, 2:1 on both.
    @Test func accentsReadOnTheirBackgroundAndStayLegibleOnTheOther() {
        for theme in Self.themes {
            for role in ThemeRole.allCases {
                let style = theme.style(role)
                guard style.background == .terminalDefault, style.foreground != .terminalDefault else { continue }
                let decoration = role == .border
                let own: [ThemeColor], other: [ThemeColor]
                switch theme.background {
                case .dark?: (own, other) = ([Self.black], [Self.white])
                case .light?: (own, other) = ([Self.white], [Self.black])
                case nil: (own, other) = ([Self.black, Self.white], [])
                }
                for bg in own {
                    let ratio = Self.contrast(style.foreground, bg)
                    #expect(ratio >= (decoration ? 2 : 4.5), "\(theme.name).\(role.rawValue) on its own background: \(ratio)")
                }
                for bg in other {
                    let ratio = Self.contrast(style.foreground, bg)
                    #expect(ratio >= (decoration ? 2 : 2.5), "\(theme.name).\(role.rawValue) on the other background: \(ratio)")
                }
            }
        }
    }

    @Test func paneTitlesAreReadableOnEitherBackground() {
        // Issue 9: the light theme's titles were black on a black terminal.
        for theme in Self.themes where theme.name != "monochrome" {
            for role in [ThemeRole.title, .titleFocused, .selection] {
                #expect(theme.style(role).background != .terminalDefault, "\(theme.name).\(role.rawValue) must bring its own background")
            }
        }
    }

    /// On 8 and 16 colours greys have nowhere to go: on the light theme they must turn dark, not white.
    @Test("small palettes keep accents off the theme's own background", arguments: [8, 16])
    func smallPalettesKeepAccentsVisible(colors: Int) {
        for theme in Self.themes {
            guard let background = theme.background else { continue }
            let light = background == .light
            let invisible: Set<Int> = light ? [7, 15] : [0]
            for role in ThemeRole.allCases {
                let style = theme.style(role)
                guard style.background == .terminalDefault, style.foreground != .terminalDefault else { continue }
                let index = style.foreground.paletteIndex(colors: colors, lightBackground: light)
                #expect(!invisible.contains(index), "\(theme.name).\(role.rawValue) becomes \(index) on \(colors) colours")
            }
        }
        #expect(ThemeColor.rgb(0x6c, 0x6c, 0x6c).paletteIndex(colors: 8, lightBackground: true) == 0)
        #expect(ThemeColor.rgb(0x6c, 0x6c, 0x6c).paletteIndex(colors: 8) == 7, "on a dark terminal the same grey goes light")
        #expect(ThemeColor.rgb(0xe4, 0xe4, 0xe4).paletteIndex(colors: 8, lightBackground: true) == 7, "light bars stay light")
    }
}
