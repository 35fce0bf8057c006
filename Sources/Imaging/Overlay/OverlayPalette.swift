import Foundation

/// Colours for overlays, ordered so that consecutive entries are far apart in hue and lightness.
///
/// The default is Sasha Trubetskoy's list of 20 distinct colours without navy, white, black and grey (which
/// vanish on photos or read as "no colour") and beige and apricot (too close to each other and to white): the
/// first ten are ten different hues, and the 16 do not repeat for the label counts a detection answer has. Labels get colours in order of first appearance, so
/// neighbours in the list always differ strongly.
public struct OverlayPalette: Sendable, Hashable {
    public let colors: [RGBA]

    public init(colors: [RGBA]) {
        precondition(!colors.isEmpty, "a palette needs at least one colour")
        self.colors = colors
    }

    public static let standard = OverlayPalette(colors: [
        RGBA(0xE6, 0x19, 0x4B), RGBA(0x3C, 0xB4, 0x4B), RGBA(0xFF, 0xE1, 0x19), RGBA(0x43, 0x63, 0xD8),
        RGBA(0xF5, 0x82, 0x31), RGBA(0x91, 0x1E, 0xB4), RGBA(0x42, 0xD4, 0xF4), RGBA(0xF0, 0x32, 0xE6),
        RGBA(0xBF, 0xEF, 0x45), RGBA(0xFA, 0xBE, 0xD4), RGBA(0x46, 0x99, 0x90), RGBA(0xDC, 0xBE, 0xFF),
        RGBA(0x9A, 0x63, 0x24), RGBA(0x80, 0x00, 0x00), RGBA(0xAA, 0xFF, 0xC3), RGBA(0x80, 0x80, 0x00),
    ])

    /// The colour at `index`, wrapping around.
    public func color(at index: Int) -> RGBA {
        colors[((index % colors.count) + colors.count) % colors.count]
    }

    /// One colour per distinct label, assigned in order of first appearance (same label, same colour).
    public func colors(forLabels labels: [String]) -> [String: RGBA] {
        var assigned: [String: RGBA] = [:]
        for label in labels where assigned[label] == nil {
            assigned[label] = color(at: assigned.count)
        }
        return assigned
    }

    /// Black or white, whichever reads better on `background` (by Rec. 709 relative luminance).
    public static func textColor(on background: RGBA) -> RGBA {
        func linear(_ value: UInt8) -> Double {
            let c = Double(value) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * linear(background.r) + 0.7152 * linear(background.g) + 0.0722 * linear(background.b)
        // Contrast against black is (L+0.05)/0.05, against white 1.05/(L+0.05); they are equal at L ≈ 0.179.
        return luminance > 0.179 ? RGBA(0, 0, 0) : RGBA(255, 255, 255)
    }
}
