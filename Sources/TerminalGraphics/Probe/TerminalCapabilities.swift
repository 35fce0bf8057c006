import Imaging

/// Everything the renderers need to know about the terminal, found once before curses starts.
public struct TerminalCapabilities: Sendable, Equatable {
    /// Protocols that will work here. Always holds `.symbols` and `.ascii`.
    public var protocols: Set<GraphicsProtocol>
    /// Colour depth of text cells (symbols and ASCII renderers).
    public var colorDepth: ColorDepth
    /// Pixel size of one character cell.
    public var cellSize: PixelSize
    public var cellSizeSource: CellSizeSource
    /// Terminal size in cells.
    public var terminalSize: CellSize
    /// Non-nil inside tmux: what it lets through.
    public var tmux: TmuxStatus?
    /// The default background colour (OSC 11), used to flatten transparent pixels.
    public var background: RGB?
    /// XTVERSION's answer, e.g. `kitty(0.26.5)`.
    public var terminalName: String?
    /// Sixel colour registers (XTSMGRAPHICS); nil when the terminal did not say.
    public var sixelColorRegisters: Int?
    /// Largest sixel image (XTSMGRAPHICS); nil when the terminal did not say.
    public var sixelMaxGeometry: PixelSize?
    public var overSSH: Bool
    /// Pixel protocols the terminal outside tmux would take but tmux's `allow-passthrough off` keeps out.
    public var blockedByTmux: Set<GraphicsProtocol> = []
    /// Inside tmux: why pictures are drawn with characters although the terminal outside could do better.
    public var tmuxLimit: TmuxLimit?
    /// False when there was no terminal to ask (stdout redirected, no /dev/tty): everything came from hints.
    public var probed: Bool

    public init(
        protocols: Set<GraphicsProtocol>, colorDepth: ColorDepth, cellSize: PixelSize,
        cellSizeSource: CellSizeSource = .fallback, terminalSize: CellSize, tmux: TmuxStatus? = nil,
        background: RGB? = nil, terminalName: String? = nil, sixelColorRegisters: Int? = nil,
        sixelMaxGeometry: PixelSize? = nil, overSSH: Bool = false, probed: Bool = false
    ) {
        self.protocols = protocols.union([.symbols, .ascii])
        self.colorDepth = colorDepth
        self.cellSize = cellSize
        self.cellSizeSource = cellSizeSource
        self.terminalSize = terminalSize
        self.tmux = tmux
        self.background = background
        self.terminalName = terminalName
        self.sixelColorRegisters = sixelColorRegisters
        self.sixelMaxGeometry = sixelMaxGeometry
        self.overSSH = overSSH
        self.probed = probed
    }

    public var inTmux: Bool { tmux != nil }

    /// True when pixel images must be wrapped in tmux's DCS passthrough to reach the terminal.
    public func needsPassthrough(for proto: GraphicsProtocol) -> Bool {
        guard let tmux, proto.isPixelProtocol else { return false }
        return !(proto == .sixel && tmux.nativeSixel)
    }

    /// Combines the probe's replies, the environment, the window size and tmux's answers. Pure, so
    /// every terminal's quirks can be tested without a terminal.
    public static func resolve(
        replies: ProbeReplies?,
        environment: TerminalEnvironment,
        window: CellGeometry.WindowSize?,
        tmux: TmuxStatus?,
        fallbackCellSize: PixelSize = PixelSize(width: 10, height: 20),
        fallbackTerminalSize: CellSize = .fallbackTerminal
    ) -> TerminalCapabilities {
        let answered = replies ?? ProbeReplies()
        var blocked: Set<GraphicsProtocol> = []
        var protocols = environment.hintedProtocols
        let version = answered.terminalVersion ?? ""
        if answered.kittyGraphics == true { protocols.insert(.kitty) }
        if version.hasPrefix("iTerm2") || version.hasPrefix("WezTerm") { protocols.insert(.iterm) }
        var limit: TmuxLimit?
        if let tmux {
            (blocked, limit) = Self.throughTmux(tmux, environment: environment, protocols: &protocols)
        } else if answered.advertisesSixel || (answered.sixelMaxGeometry != nil) {
            protocols.insert(.sixel)
        }
        var depth = environment.colorDepth
        if depth != .monochrome, protocols.contains(.kitty) || protocols.contains(.iterm) { depth = .truecolor }
        let (cell, source) = CellGeometry.resolveCellSize(window: window, replies: answered, fallback: fallbackCellSize)
        var capabilities = TerminalCapabilities(
            protocols: protocols, colorDepth: depth, cellSize: cell, cellSizeSource: source,
            terminalSize: CellGeometry.resolveTerminalSize(window: window, replies: answered, fallback: fallbackTerminalSize),
            tmux: tmux, background: answered.background, terminalName: answered.terminalVersion,
            sixelColorRegisters: answered.sixelColorRegisters, sixelMaxGeometry: answered.sixelMaxGeometry,
            overSSH: environment.overSSH, probed: replies != nil
        )
        capabilities.blockedByTmux = blocked
        capabilities.tmuxLimit = limit
        return capabilities
    }
}
