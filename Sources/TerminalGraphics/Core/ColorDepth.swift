/// How many colours the terminal's text cells can show; decides the symbols renderer's canvas mode.
public enum ColorDepth: Int, Sendable, Comparable, CaseIterable {
    /// Default foreground and background only (also what `NO_COLOR` asks for).
    case monochrome = 0
    case palette16 = 16
    case palette256 = 256
    case truecolor = 16_777_216

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }
}
