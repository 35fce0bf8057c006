import CNcursesw

/// ncurses constants that C defines as function-like macros, which Swift does not import.
enum CursesAttributes {
    static let shift: UInt32 = 8
    static let underline = attr_t(1) << (9 + shift)
    static let reverse = attr_t(1) << (10 + shift)
    static let dim = attr_t(1) << (12 + shift)
    static let bold = attr_t(1) << (13 + shift)
    static let invisible = attr_t(1) << (15 + shift)

    // NCURSES_MOUSE_VERSION 2: each button has 5 event bits.
    static let button1Pressed: mmask_t = 0o2
    static let button1Clicked: mmask_t = 0o4
    static let button4Pressed: mmask_t = 0o2 << 15
    static let button5Pressed: mmask_t = 0o2 << 20
}
