import Foundation

/// Colours for overlays, ordered so that consecutive entries are far apart in hue and lightness.
///
/// The default is Kelly's list of maximum-contrast colours (1965) without white and black, which both
/// vanish on photos. Labels get colours in order of first appearance, so the first 20 distinct labels
/// never share one and neighbours in the list always differ strongly.
public struct OverlayPalette: Sendable, Hashable {
    public let colors: [RGBA]

    public init(colors: [RGBA]) {
        precondition(!colors.isEmpty, "a palette needs at least one colour")
        self.colors = colors
    }

    public static let standard = OverlayPalette(colors: [
        RGBA(0xF3, 0xC3, 0x00), RGBA(0x87, 0x56, 0x92), RGBA(0xF3, 0x84, 0x00), RGBA(0xA1, 0xCA, 0xF1),
        RGBA(0xBE, 0x00, 0x32), RGBA(0xC2, 0xB2, 0x80), RGBA(0x00, 0x88, 0x56), RGBA(0xE6, 0x8F, 0xAC),
        RGBA(0x00, 0x67, 0xA5), RGBA(0xF9, 0x93, 0x79), RGBA(0x60, 0x4E, 0x97), RGBA(0xF6, 0xA6, 0x00),
        RGBA(0xB3, 0x44, 0x6C), RGBA(0xDC, 0xD3, 0x00), RGBA(0x88, 0x2D, 0x17), RGBA(0x8D, 0xB6, 0x00),
        RGBA(0x65, 0x45, 0x22), RGBA(0xE2, 0x58, 0x22), RGBA(0x2B, 0x3D, 0x26), RGBA(0x84, 0x84, 0x82),
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
