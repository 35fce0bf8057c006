import Imaging

/// What the terminal said in answer to the probe's batch of queries; nil where it said nothing.
public struct ProbeReplies: Sendable, Equatable {
    /// The kitty graphics query: true for `OK`, false for an error reply (the terminal knows the
    /// protocol but refused the query), nil when it did not answer at all.
    public var kittyGraphics: Bool?
    /// XTVERSION's name and version, e.g. `kitty(0.26.5)` or `XTerm(379)`.
    public var terminalVersion: String?
    /// XTSMGRAPHICS: how many sixel colour registers the terminal offers.
    public var sixelColorRegisters: Int?
    /// XTSMGRAPHICS: the largest sixel image the terminal accepts.
    public var sixelMaxGeometry: PixelSize?
    /// `CSI 14t`: the text area in pixels.
    public var textAreaPixels: PixelSize?
    /// `CSI 16t`: one character cell in pixels.
    public var cellPixels: PixelSize?
    /// `CSI 18t`: the text area in cells.
    public var textAreaCells: CellSize?
    /// OSC 11: the default background colour.
    public var background: RGB?
    /// DA1's attributes (`CSI ? 62 ; 4 ; 22 c` gives `[62, 4, 22]`); 4 means sixel.
    public var primaryAttributes: [Int]?

    public init() {}

    /// DA1 attribute 4 is "sixel graphics" since the VT240.
    public var advertisesSixel: Bool { primaryAttributes?.contains(4) ?? false }
}
