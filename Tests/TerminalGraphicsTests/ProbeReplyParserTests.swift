import Imaging
import Testing
@testable import TerminalGraphics

/// Reply batches as real terminals send them to `TerminalProbe.queries`.
enum RecordedReplies {
    static let kitty = "\u{1B}_Gi=31;OK\u{1B}\\\u{1B}P>|kitty(0.26.5)\u{1B}\\\u{1B}[4;1000;1800t\u{1B}[6;20;10t\u{1B}[8;50;180t"
        + "\u{1B}]11;rgb:1e1e/1e1e/2e2e\u{1B}\\\u{1B}[?62;c"
    static let xtermVT340 = "\u{1B}P>|XTerm(379)\u{1B}\\\u{1B}[?1;0;16S\u{1B}[?2;0;800;480S\u{1B}[4;384;644t\u{1B}[6;16;7t"
        + "\u{1B}[8;24;92t\u{1B}]11;rgb:ffff/ffff/ffff\u{07}\u{1B}[?63;1;2;4;6;9;15;16;22;28c"
    static let foot = "\u{1B}P>|foot(1.16.2)\u{1B}\\\u{1B}[?1;0;1024S\u{1B}[?2;0;10000;10000S\u{1B}[4;770;1288t\u{1B}[6;22;11t"
        + "\u{1B}[8;35;117t\u{1B}]11;rgb:1111/1111/1111\u{1B}\\\u{1B}[?62;4;22;28c"
    static let wezterm = "\u{1B}_Gi=31;OK\u{1B}\\\u{1B}P>|WezTerm 20240203-110809-5046fc22\u{1B}\\\u{1B}[?1;0;256S"
        + "\u{1B}[?2;0;2560;1600S\u{1B}[4;1064;1904t\u{1B}[6;19;8t\u{1B}[8;56;238t\u{1B}]11;rgb:0000/0000/0000\u{1B}\\\u{1B}[?65;4;6;18;22c"
    static let tmux = "\u{1B}P>|tmux 3.4\u{1B}\\\u{1B}[?1;2;4c"
    static let iterm2 = "\u{1B}P>|iTerm2 3.5.0\u{1B}\\\u{1B}[?1;3;0S\u{1B}[4;1332;2264t\u{1B}[6;18;9t\u{1B}[8;74;251t"
        + "\u{1B}]11;rgb:0000/0000/0000\u{1B}\\\u{1B}[?62;4c"
}

@Suite struct ProbeReplyParserTests {
    private func parse(_ text: String) -> ProbeReplyParser {
        var parser = ProbeReplyParser()
        parser.feed(Array(text.utf8))
        return parser
    }

    @Test func kitty() {
        let parser = parse(RecordedReplies.kitty)
        #expect(parser.isComplete)
        #expect(parser.replies.kittyGraphics == true)
        #expect(parser.replies.terminalVersion == "kitty(0.26.5)")
        #expect(parser.replies.cellPixels == PixelSize(width: 10, height: 20))
        #expect(parser.replies.textAreaPixels == PixelSize(width: 1800, height: 1000))
        #expect(parser.replies.textAreaCells == CellSize(columns: 180, rows: 50))
        #expect(parser.replies.background == RGB(0x1E, 0x1E, 0x2E))
        #expect(parser.replies.primaryAttributes == [62])
        #expect(!parser.replies.advertisesSixel)
        #expect(parser.unrecognized.isEmpty)
    }

    @Test func xtermAsVT340() {
        let parser = parse(RecordedReplies.xtermVT340)
        #expect(parser.replies.kittyGraphics == nil)
        #expect(parser.replies.terminalVersion == "XTerm(379)")
        #expect(parser.replies.sixelColorRegisters == 16)
        #expect(parser.replies.sixelMaxGeometry == PixelSize(width: 800, height: 480))
        #expect(parser.replies.background == .white)
        #expect(parser.replies.advertisesSixel)
        #expect(parser.replies.cellPixels == PixelSize(width: 7, height: 16))
    }

    @Test func footWeztermTmuxITerm() {
        let foot = parse(RecordedReplies.foot)
        #expect(foot.replies.advertisesSixel && foot.replies.kittyGraphics == nil)
        #expect(foot.replies.sixelColorRegisters == 1024)
        let wezterm = parse(RecordedReplies.wezterm)
        #expect(wezterm.replies.kittyGraphics == true && wezterm.replies.advertisesSixel)
        #expect(wezterm.replies.terminalVersion?.hasPrefix("WezTerm") == true)
        let tmux = parse(RecordedReplies.tmux)
        #expect(tmux.isComplete && tmux.replies.advertisesSixel && tmux.replies.cellPixels == nil)
        let iterm = parse(RecordedReplies.iterm2)
        // XTSMGRAPHICS status 3 is a failure: no register count.
        #expect(iterm.replies.sixelColorRegisters == nil)
        #expect(iterm.replies.terminalVersion == "iTerm2 3.5.0")
    }

    @Test func kittyErrorReplyMeansNotUsable() {
        let parser = parse("\u{1B}_Gi=31;ENOENT:file not found\u{1B}\\\u{1B}[?62c")
        #expect(parser.replies.kittyGraphics == false)
    }

    @Test func repliesSplitAtEveryByteGiveTheSameResult() {
        for text in [RecordedReplies.kitty, RecordedReplies.xtermVT340, RecordedReplies.wezterm] {
            let whole = parse(text)
            let bytes = Array(text.utf8)
            for split in 1..<bytes.count {
                var parser = ProbeReplyParser()
                parser.feed(bytes[..<split])
                parser.feed(bytes[split...])
                #expect(parser.replies == whole.replies, "split at \(split)")
                #expect(parser.unrecognized.isEmpty)
            }
        }
    }

    @Test func keypressesBetweenRepliesAreKeptApart() {
        let text = "\u{1B}P>|foot(1.16.2)\u{1B}\\q\u{1B}[6;22;11t\u{1B}[A\u{1B}[?62;4c"
        let parser = parse(text)
        #expect(parser.replies.cellPixels == PixelSize(width: 11, height: 22))
        #expect(parser.replies.terminalVersion == "foot(1.16.2)")
        #expect(parser.isComplete)
        #expect(parser.unrecognized == Array("q\u{1B}[A".utf8))
    }

    @Test func notCompleteWithoutDA1() {
        let parser = parse("\u{1B}[6;20;10t")
        #expect(!parser.isComplete)
    }

    @Test func xColorParsing() {
        #expect(ProbeReplyParser.parseXColor("rgb:ff/80/00") == RGB(255, 128, 0))
        #expect(ProbeReplyParser.parseXColor("rgb:f/8/0") == RGB(255, 136, 0))
        #expect(ProbeReplyParser.parseXColor("rgb:ffff/0000/7fff") == RGB(255, 0, 127))
        #expect(ProbeReplyParser.parseXColor("#ffffff") == nil)
    }
}
