import Foundation
import TerminalGraphics

/// Whether the terminal draws on a light or a dark background: what `theme = "auto"` decides by.
public enum TerminalBackground: String, Sendable, Hashable {
    case dark, light

    /// Where the answer came from, for the status line and the log.
    public enum Source: String, Sendable, Hashable {
        /// The terminal's reply to OSC 11.
        case probe
        /// The `COLORFGBG` variable rxvt, Konsole and others set.
        case colorfgbg = "COLORFGBG"
    }

    /// The background of a probed colour: light when dark text on it has more contrast than light text
    /// (WCAG relative luminance above ~0.18), so mid greys go whichever way reads better.
    public init(color: RGB) {
        func linear(_ channel: UInt8) -> Double {
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * linear(color.r) + 0.7152 * linear(color.g) + 0.0722 * linear(color.b)
        // Contrast with black (L + 0.05) / 0.05 against contrast with white 1.05 / (L + 0.05).
        self = (luminance + 0.05) * (luminance + 0.05) > 0.05 * 1.05 ? .light : .dark
    }

    /// `COLORFGBG` is `fg;bg` or `fg;default;bg` with palette numbers; the background is the last field.
    /// 0–6 and 8 are dark, 7 and 9–15 light (rxvt's convention); `default` or anything else says nothing.
    public init?(colorfgbg: String) {
        guard let last = colorfgbg.split(separator: ";").last, let index = Int(last.trimmingCharacters(in: .whitespaces)),
              (0...15).contains(index) else { return nil }
        self = index == 7 || index >= 9 ? .light : .dark
    }

    /// The probed colour if there is one, else `COLORFGBG`, else nil (unknown).
    public static func detect(probed: RGB?, environment: [String: String]) -> (TerminalBackground, Source)? {
        if let probed { return (TerminalBackground(color: probed), .probe) }
        if let value = environment["COLORFGBG"], let background = TerminalBackground(colorfgbg: value) {
            return (background, .colorfgbg)
        }
        return nil
    }
}
