import Imaging
import Testing
@testable import TerminalGraphics

@Suite struct CellGeometryTests {
    private let fallback = PixelSize(width: 10, height: 20)

    private func replies(_ text: String) -> ProbeReplies {
        var parser = ProbeReplyParser()
        parser.feed(Array(text.utf8))
        return parser.replies
    }

    @Test func windowPixelsWinWhenPlausible() {
        let window = CellGeometry.WindowSize(columns: 100, rows: 50, pixelWidth: 900, pixelHeight: 900)
        let result = CellGeometry.resolveCellSize(window: window, replies: replies(RecordedReplies.kitty), fallback: fallback)
        #expect(result.size == PixelSize(width: 9, height: 18))
        #expect(result.source == .windowSize)
    }

    @Test func zeroWindowPixelsFallToCellReply() {
        let window = CellGeometry.WindowSize(columns: 100, rows: 50, pixelWidth: 0, pixelHeight: 0)
        let result = CellGeometry.resolveCellSize(window: window, replies: replies(RecordedReplies.kitty), fallback: fallback)
        #expect(result.size == PixelSize(width: 10, height: 20))
        #expect(result.source == .cellReply)
    }

    @Test func implausibleWindowPixelsAreIgnored() {
        let window = CellGeometry.WindowSize(columns: 100, rows: 50, pixelWidth: 100, pixelHeight: 50)
        let result = CellGeometry.resolveCellSize(window: window, replies: replies("\u{1B}[6;22;11t"), fallback: fallback)
        #expect(result.source == .cellReply)
        #expect(result.size == PixelSize(width: 11, height: 22))
    }

    @Test func textAreaDivision() {
        let result = CellGeometry.resolveCellSize(window: nil, replies: replies("\u{1B}[4;800;1600t\u{1B}[8;40;160t"), fallback: fallback)
        #expect(result.size == PixelSize(width: 10, height: 20))
        #expect(result.source == .textAreaDivision)
        let window = CellGeometry.WindowSize(columns: 200, rows: 40, pixelWidth: 0, pixelHeight: 0)
        let withWindow = CellGeometry.resolveCellSize(window: window, replies: replies("\u{1B}[4;800;1600t"), fallback: fallback)
        #expect(withWindow.size == PixelSize(width: 8, height: 20))
    }

    @Test func fallbackWhenNothingIsKnown() {
        let result = CellGeometry.resolveCellSize(window: nil, replies: ProbeReplies(), fallback: PixelSize(width: 7, height: 15))
        #expect(result.size == PixelSize(width: 7, height: 15))
        #expect(result.source == .fallback)
    }

    @Test func cellSizeArgument() throws {
        #expect(try CellGeometry.parseCellSize("10x20") == PixelSize(width: 10, height: 20))
        #expect(try CellGeometry.parseCellSize("8X16") == PixelSize(width: 8, height: 16))
        for bad in ["10", "x20", "0x20", "10x20x3", "ten"] {
            #expect(throws: TerminalGraphicsError.self) { try CellGeometry.parseCellSize(bad) }
        }
    }

    @Test func resizeRecomputesFromWindow() {
        var capabilities = TerminalCapabilities.resolve(
            replies: nil, environment: TerminalEnvironment([:]),
            window: CellGeometry.WindowSize(columns: 80, rows: 24, pixelWidth: 800, pixelHeight: 480), tmux: nil)
        #expect(capabilities.cellSize == PixelSize(width: 10, height: 20))
        capabilities.applyWindowSize(CellGeometry.WindowSize(columns: 100, rows: 30, pixelWidth: 1200, pixelHeight: 720))
        #expect(capabilities.terminalSize == CellSize(columns: 100, rows: 30))
        #expect(capabilities.cellSize == PixelSize(width: 12, height: 24))
    }
}

@Suite struct RendererSelectionTests {
    private func capabilities(_ replyText: String?, _ environment: [String: String], tmux: TmuxStatus? = nil) -> TerminalCapabilities {
        var replies: ProbeReplies?
        if let replyText {
            var parser = ProbeReplyParser()
            parser.feed(Array(replyText.utf8))
            replies = parser.replies
        }
        return TerminalCapabilities.resolve(replies: replies, environment: TerminalEnvironment(environment), window: nil, tmux: tmux)
    }

    @Test func preferenceOrder() {
        #expect(RendererSelector.choose(.auto, capabilities: capabilities(RecordedReplies.kitty, ["TERM": "xterm-kitty"])) == .kitty)
        #expect(RendererSelector.choose(.auto, capabilities: capabilities(RecordedReplies.wezterm, [:])) == .kitty)
        #expect(RendererSelector.choose(.auto, capabilities: capabilities(RecordedReplies.foot, ["TERM": "foot"])) == .sixel)
        #expect(RendererSelector.choose(.auto, capabilities: capabilities(RecordedReplies.xtermVT340, ["TERM": "xterm"])) == .sixel)
        #expect(RendererSelector.choose(.auto, capabilities: capabilities("\u{1B}[?62;22c", ["TERM_PROGRAM": "iTerm.app"])) == .iterm)
        #expect(RendererSelector.choose(.auto, capabilities: capabilities("\u{1B}[?62;22c", ["TERM": "xterm-256color"])) == .symbols)
    }

    @Test func overrideWins() {
        let kitty = capabilities(RecordedReplies.kitty, [:])
        #expect(RendererSelector.choose(.forced(.ascii), capabilities: kitty) == .ascii)
        #expect(RendererSelector.choose(ProtocolPreference(argument: "sixel")!, capabilities: kitty) == .sixel)
        #expect(ProtocolPreference(argument: "iterm2") == .forced(.iterm))
        #expect(ProtocolPreference(argument: "png") == nil)
    }

    @Test func colourDepthFromEnvironment() {
        #expect(capabilities(nil, ["COLORTERM": "truecolor", "TERM": "xterm"]).colorDepth == .truecolor)
        #expect(capabilities(nil, ["TERM": "xterm-256color"]).colorDepth == .palette256)
        #expect(capabilities(nil, ["TERM": "xterm"]).colorDepth == .palette16)
        #expect(capabilities(nil, ["TERM": "xterm-256color", "NO_COLOR": "1"]).colorDepth == .monochrome)
        let unprobed = capabilities(nil, ["TERM": "xterm"])
        #expect(!unprobed.probed && unprobed.terminalSize == .fallbackTerminal && unprobed.cellSize == PixelSize(width: 10, height: 20))
    }

    @Test func tmuxNativeSixelAndBlockedPassthrough() {
        let native = TmuxStatus(displayLine: "1|256,RGB,sixel,title|xterm-256color|XTerm(379)|0\n")
        #expect(native.nativeSixel && !native.passthroughAllowed)
        let nativeCaps = capabilities(RecordedReplies.tmux, ["TMUX": "/tmp/tmux-0/default,1,0", "TERM": "tmux-256color"], tmux: native)
        #expect(RendererSelector.choose(.auto, capabilities: nativeCaps) == .sixel)
        #expect(!nativeCaps.needsPassthrough(for: .sixel))
        #expect(RendererSelector.tmuxNotice(nativeCaps) == nil)

        let blocked = TmuxStatus(displayLine: "0|256,RGB|xterm-kitty|kitty(0.35.2)|0")
        let blockedCaps = capabilities("\u{1B}[?1;2c", ["TMUX": "x", "TERM": "tmux-256color"], tmux: blocked)
        #expect(RendererSelector.choose(.auto, capabilities: blockedCaps) == .symbols)
        #expect(RendererSelector.tmuxNotice(blockedCaps) == TmuxStatus.passthroughOffMessage)
        #expect(blockedCaps.blockedByTmux == [.kitty])
        // Nothing outside could show pictures: no nagging, unless a pixel protocol is asked for.
        let plain = TmuxStatus(displayLine: "0|256,RGB|xterm-256color|XTerm(379)|0")
        let plainCaps = capabilities("\u{1B}[?1;2c", ["TMUX": "x", "TERM": "tmux-256color"], tmux: plain)
        #expect(RendererSelector.tmuxNotice(plainCaps) == nil)
        #expect(RendererSelector.tmuxNotice(plainCaps, forced: .sixel) == TmuxStatus.passthroughOffMessage)
        #expect(RendererSelector.tmuxNotice(plainCaps, forced: .symbols) == nil)

        let kittyInTmux = TmuxStatus(displayLine: "0|256,RGB|xterm-kitty|kitty(0.28.0)|1")
        let kittyCaps = capabilities("\u{1B}[?1;2c", ["TMUX": "x"], tmux: kittyInTmux)
        #expect(RendererSelector.choose(.auto, capabilities: kittyCaps) == .kitty)
        #expect(RendererSelector.tmuxNotice(kittyCaps) == nil)
        let renderer = RendererSelector.renderer(for: .kitty, capabilities: kittyCaps, pngEncoder: nil)
        #expect((renderer as? KittyRenderer)?.throughTmux == true)
        let sixel = RendererSelector.renderer(for: .sixel, capabilities: kittyCaps, pngEncoder: nil) as? SixelRenderer
        #expect(sixel?.maximumBytes == TmuxPassthrough.maximumPayload)
    }

    @Test func sixelRegistersLimitPalette() {
        let vt340 = capabilities(RecordedReplies.xtermVT340, [:])
        let renderer = RendererSelector.renderer(for: .sixel, capabilities: vt340, pngEncoder: nil) as? SixelRenderer
        #expect(renderer?.encoder.maxColors == 16)
        #expect(renderer?.encoder.background == .white)
    }
}

@Suite struct EnvironmentHintTests {
    @Test func terminalsKnownByName() {
        #expect(TerminalEnvironment(["TERM_PROGRAM": "iTerm.app"]).hintedProtocols == [.iterm])
        #expect(TerminalEnvironment(["LC_TERMINAL": "iTerm2"]).isITerm)
        #expect(TerminalEnvironment(["TERM_PROGRAM": "WezTerm"]).hintedProtocols == [.kitty, .sixel, .iterm])
        #expect(TerminalEnvironment(["KITTY_WINDOW_ID": "3"]).hintedProtocols == [.kitty])
        #expect(TerminalEnvironment(["TERM_PROGRAM": "vscode"]).colorDepth == .truecolor)
        #expect(TerminalEnvironment(["TERM": "xterm-256color"]).hintedProtocols.isEmpty)
        #expect(TerminalEnvironment(["TMUX": "/tmp/tmux-0/default,1,0"]).inTmux)
        #expect(!TerminalEnvironment(["TMUX": ""]).inTmux)
        #expect(TerminalEnvironment(["SSH_CONNECTION": "1.2.3.4 5 6.7.8.9 22"]).overSSH)
    }
}
