import Imaging
import Testing
@testable import TerminalGraphics

/// Which pictures get through tmux, what the probe sends there, and the one line saying why pictures are text.
@Suite struct TmuxPicturesTests {
    private let insideTmux = ["TMUX": "/tmp/tmux-1000/default,42,0", "TERM": "tmux-256color"]

    private func capabilities(_ displayLine: String, _ environment: [String: String]? = nil) -> TerminalCapabilities {
        var parser = ProbeReplyParser()
        parser.feed(Array("\u{1B}P>|tmux 3.3a\u{1B}\\\u{1B}[?1;2c".utf8))
        return TerminalCapabilities.resolve(
            replies: parser.replies, environment: TerminalEnvironment(environment ?? insideTmux), window: nil,
            tmux: TmuxStatus(displayLine: displayLine))
    }

    @Test func terminalVersions() throws {
        let kitty = try #require(TerminalVersion("kitty(0.26.5)"))
        #expect(kitty.name == "kitty" && kitty.version == "0.26.5" && kitty.numbers == [0, 26, 5] && kitty.isKitty)
        #expect(!kitty.isAtLeast(TmuxLimit.placeholderKitty))
        #expect(TerminalVersion("kitty(0.28.0)")?.isAtLeast([0, 28, 0]) == true)
        #expect(TerminalVersion("kitty(0.28)")?.isAtLeast([0, 28, 0]) == true)
        #expect(TerminalVersion("kitty(0.100.1)")?.isAtLeast([0, 28, 0]) == true)
        #expect(TerminalVersion("kitty(1.0.0)")?.isAtLeast([0, 28, 0]) == true)
        #expect(TerminalVersion("kitty(0.27.99)")?.isAtLeast([0, 28, 0]) == false)
        let tmux = try #require(TerminalVersion("tmux 3.3a"))
        #expect(tmux.name == "tmux" && tmux.numbers == [3, 3] && tmux.isAtLeast([3, 3]) && !tmux.isAtLeast([3, 4]))
        #expect(TerminalVersion("WezTerm 20240203-110809-5046fc22")?.name == "WezTerm")
        #expect(TerminalVersion("XTerm(379)")?.numbers == [379])
        #expect(TerminalVersion("") == nil && TerminalVersion("  ") == nil && TerminalVersion("(0.1)") == nil)
        #expect(TerminalVersion("kitty")?.isAtLeast([0, 28]) == false)
    }

    @Test func kittyFromTwentyEightShowsPicturesThroughPlaceholders() {
        let caps = capabilities("0|256,RGB,title|xterm-kitty|kitty(0.35.2)|1")
        #expect(RendererSelector.choose(.auto, capabilities: caps) == .kitty)
        #expect(caps.needsPassthrough(for: .kitty) && caps.tmuxLimit == nil)
        #expect(RendererSelector.tmuxNotice(caps) == nil)
    }

    @Test func oldKittyGetsSymbolsAndSaysWhy() throws {
        let caps = capabilities("0|256,RGB,title|xterm-kitty|kitty(0.26.5)|1")
        #expect(RendererSelector.choose(.auto, capabilities: caps) == .symbols)
        #expect(caps.tmuxLimit == .kittyTooOld(version: "0.26.5"))
        let notice = try #require(RendererSelector.tmuxNotice(caps))
        #expect(notice.contains("kitty 0.26.5") && notice.contains("0.28"))
        // With passthrough off as well the version is still the reason: turning passthrough on would not help.
        let off = capabilities("0|256,RGB,title|xterm-kitty|kitty(0.26.5)|0")
        #expect(off.tmuxLimit == .kittyTooOld(version: "0.26.5"))
        // Forced kitty is honoured, placeholders and all, without a notice.
        #expect(RendererSelector.choose(.forced(.kitty), capabilities: caps) == .kitty)
        #expect(RendererSelector.tmuxNotice(caps, forced: .kitty) == nil)
        let renderer = RendererSelector.renderer(for: .kitty, capabilities: caps) as? KittyRenderer
        #expect(renderer?.throughTmux == true)
    }

    @Test func kittyOfUnknownVersionIsNotTrusted() {
        // A detached client or a tmux that did not record XTVERSION; KITTY_WINDOW_ID inherited by the server.
        let caps = capabilities("0|256,RGB|xterm-kitty||1", insideTmux.merging(["KITTY_WINDOW_ID": "1"]) { $1 })
        #expect(RendererSelector.choose(.auto, capabilities: caps) == .symbols)
        #expect(caps.tmuxLimit == .kittyVersionUnknown)
        #expect(RendererSelector.tmuxNotice(caps)?.contains("--protocol kitty") == true)
        // Passthrough off comes first then: it is needed whatever the version.
        let off = capabilities("0|256,RGB|xterm-kitty||0")
        #expect(off.tmuxLimit == .passthroughOff)
        #expect(RendererSelector.tmuxNotice(off) == TmuxStatus.passthroughOffMessage)
    }

    @Test func anInheritedKittyVariableDoesNotMakeXtermKitty() {
        let caps = capabilities("0|256,RGB|xterm-256color|XTerm(379)|1", insideTmux.merging(["KITTY_WINDOW_ID": "3"]) { $1 })
        #expect(!caps.protocols.contains(.kitty))
        #expect(caps.tmuxLimit == nil && RendererSelector.tmuxNotice(caps) == nil)
    }

    @Test func sixelOnlyThroughTmuxsOwnSupport() throws {
        let native = capabilities("1|256,RGB,sixel|foot|foot(1.16.2)|0")
        #expect(RendererSelector.choose(.auto, capabilities: native) == .sixel)
        #expect(!native.needsPassthrough(for: .sixel))
        // The terminal outside does sixel but this tmux does not: text, and the reason once.
        let without = capabilities("0|256,RGB,sixel|foot|foot(1.16.2)|1")
        #expect(RendererSelector.choose(.auto, capabilities: without) == .symbols)
        #expect(without.tmuxLimit == .tmuxWithoutSixel)
        #expect(try #require(RendererSelector.tmuxNotice(without)).contains("sixel"))
        // Forced sixel still goes through passthrough, as asked.
        let forced = RendererSelector.renderer(for: .sixel, capabilities: without) as? SixelRenderer
        #expect(forced?.throughTmux == true)
    }

    @Test func theProbeSendsTmuxNoAPC() {
        let inside = TerminalProbe.queries(for: TerminalEnvironment(insideTmux))
        let text = String(decoding: inside, as: UTF8.self)
        #expect(!text.contains("\u{1B}_"))
        #expect(text.contains("\u{1B}[>0q") && text.contains("\u{1B}]11;?"))
        #expect(text.hasSuffix("\u{1B}[c"))
        // Over SSH from inside tmux (TERM kept, TMUX not) and under screen, the same.
        #expect(TerminalProbe.queries(for: TerminalEnvironment(["TERM": "tmux-256color"])) == inside)
        #expect(TerminalProbe.queries(for: TerminalEnvironment(["TERM": "screen"])) == inside)
        let direct = String(decoding: TerminalProbe.queries(for: TerminalEnvironment(["TERM": "xterm-kitty"])), as: UTF8.self)
        #expect(direct.hasPrefix("\u{1B}_Gi=31,") && direct.hasSuffix("\u{1B}[c"))
    }

    @Test func crashResetDeletesKittyPicturesWithoutRetitlingThePane() {
        let inside = String(decoding: KittyGraphics.deleteAll(for: TerminalEnvironment(insideTmux)), as: UTF8.self)
        #expect(inside == "\u{1B}Ptmux;\u{1B}\u{1B}_Ga=d,d=A,q=2\u{1B}\u{1B}\\\u{1B}\\")
        #expect(KittyGraphics.deleteAll(for: TerminalEnvironment(["TERM": "screen-256color"])).isEmpty)
        #expect(String(decoding: KittyGraphics.deleteAll(for: TerminalEnvironment(["TERM": "xterm-kitty"])), as: UTF8.self)
            == "\u{1B}_Ga=d,d=A,q=2\u{1B}\\")
    }
}
