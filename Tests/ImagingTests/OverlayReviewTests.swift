import Foundation
import Testing
@testable import Imaging

/// The review rules of overlays: the selected one on top and thicker, the rest dimmed, number badges, tags that
/// avoid each other and follow the terminal's text size, and colours the terminal can show.
@Suite struct OverlayReviewTests {
    let grey = RGBA(128, 128, 128)
    let red = RGBA(200, 20, 20)  // dark enough for white text and a white rim
    let blue = RGBA(20, 40, 230)
    let style = OverlayStyle(lineWidth: 2, textScale: 1, pointRadius: 3)

    @Test func selectedIsDrawnLastAndThickerWhileTheOthersFade() {
        // Two boxes sharing their left edge; the selected one comes first in the list, so only the drawing
        // order can put it on top.
        let rect = UnitRect(minX: 0.1, minY: 0.3, maxX: 0.5, maxY: 0.9)
        var bitmap = Bitmap(width: 200, height: 100, fill: grey)
        bitmap.draw([Overlay(.box(rect), color: red, emphasis: .selected),
                     Overlay(.box(UnitRect(minX: 0.1, minY: 0.3, maxX: 0.9, maxY: 0.9)), color: blue, emphasis: .dimmed)], style: style)
        // Box x 20..<100, y 30..<90. Selected lines are 2·2+1 = 5 px, the dimmed ones 2 px.
        #expect(bitmap[20, 60] == red, "the selected box is on top")
        #expect(bitmap[24, 60] == red, "selected lines are \(style.selectedLineWidth) px")
        #expect(bitmap[25, 60] == RGBA(255, 255, 255), "a contrasting rim inside the selected line")
        #expect(bitmap[26, 60] == grey)
        let dimmed = bitmap[179, 60]
        #expect(dimmed != blue && dimmed != grey, "dimmed lines are blended: \(dimmed)")
        #expect(bitmap[177, 60] == grey, "dimmed lines keep the normal width")
        var plain = Bitmap(width: 200, height: 100, fill: grey)
        plain.draw([Overlay(.box(rect), color: red)], style: style)
        #expect(plain[22, 60] == grey, "without a selection lines are \(style.lineWidth) px")
    }

    @Test func badgesLeadTheLabelAndStandAloneOnSmallBoxes() {
        let wide = Overlay(.box(UnitRect(minX: 0, minY: 0, maxX: 1, maxY: 1)), color: red, label: "cupcake", badge: "7")
        #expect(Bitmap.tagTexts(wide, anchorWidth: 400, maxWidth: 400, scale: 1, padding: 2) == ["7 cupcake", "7"])
        let long = Overlay(.box(.full), color: red, label: "white frosting with colourful sprinkles", badge: "12")
        let cut = Bitmap.tagTexts(long, anchorWidth: 9 * 12 + 4, maxWidth: 400, scale: 1, padding: 2)
        #expect(cut == ["12 white fr…", "12"])
        #expect(Bitmap.tagTexts(long, anchorWidth: 30, maxWidth: 400, scale: 1, padding: 2) == ["12"])
        #expect(Bitmap.tagTexts(Overlay(.box(.full), color: red, badge: "3"), anchorWidth: 30, maxWidth: 400, scale: 1, padding: 2) == ["3"])
        // Drawn: a narrow box gets a tag just wide enough for its number.
        var bitmap = Bitmap(width: 200, height: 100, fill: grey)
        bitmap.draw([Overlay(.box(UnitRect(minX: 0.5, minY: 0.5, maxX: 0.55, maxY: 0.9)), color: red, label: "a long label", badge: "3")], style: style)
        let tagRow = 50 - 10  // above the box: 16 px text + 2·2 padding = 20 px, so its middle row is y = 40
        let tagWidth = (0..<200).filter { bitmap[$0, tagRow] != grey }.count
        #expect(tagWidth == 9 + 4, "number-only tag: \(tagWidth) px")
    }

    @Test func tagsDoNotCoverEachOther() {
        // Fifteen boxes in a tight grid, every label wider than its box: no two tags may overlap.
        var requests: [LabelPlacement.Request] = []
        for row in 0..<3 {
            for column in 0..<5 {
                requests.append(LabelPlacement.Request(anchor: PixelRect(x: 20 + column * 70, y: 30 + row * 60, width: 60, height: 50),
                                                       texts: ["\(row * 5 + column + 1) metal lid of red jar", "\(row * 5 + column + 1)"],
                                                       required: row == 1 && column == 2))
            }
        }
        let placed = LabelPlacement.place(requests, in: PixelSize(width: 400, height: 220)) {
            PixelSize(width: $0.count * 9 + 4, height: 20)
        }
        let frames = placed.compactMap { $0?.frame }
        for i in frames.indices { for j in frames.indices where i < j { #expect(!frames[i].overlaps(frames[j]), "\(frames[i]) and \(frames[j])") } }
        #expect(frames.count >= 10, "most get at least their number: \(frames.count)")
        #expect(placed[7] != nil, "the required (selected) one is always placed")
        // The first one gets its first choice: the full text above its box.
        #expect(placed[0] == LabelPlacement.Placed(frame: PixelRect(x: 20, y: 10, width: 9 * 22 + 4, height: 20), text: "1 metal lid of red jar"))
        #expect(placed.contains { $0?.text.count ?? 0 <= 2 }, "crowded ones shrink to their number")
    }

    @Test func boxesInsideTheBoxUnderReviewKeepTheirNumbers() {
        // The cat is under review; its eyes are inside it. Their words keep off the cat, but their numbers show.
        let cat = LabelPlacement.Request(anchor: PixelRect(x: 20, y: 40, width: 300, height: 200), texts: ["1 cat", "1"], required: true)
        let leftEye = LabelPlacement.Request(anchor: PixelRect(x: 80, y: 100, width: 40, height: 30), texts: ["2 left eye", "2"])
        let rightEye = LabelPlacement.Request(anchor: PixelRect(x: 200, y: 100, width: 40, height: 30), texts: ["3 right eye", "3"])
        let placed = LabelPlacement.place([cat, leftEye, rightEye], in: PixelSize(width: 400, height: 300)) { PixelSize(width: $0.count * 9 + 4, height: 20) }
        #expect(placed.map { $0?.text } == ["1 cat", "2", "3"])
        let frames = placed.compactMap { $0?.frame }
        for i in frames.indices { for j in frames.indices where i < j { #expect(!frames[i].overlaps(frames[j])) } }
    }

    @Test func collidingTagsMoveBelowTheBox() {
        let a = LabelPlacement.Request(anchor: PixelRect(x: 10, y: 40, width: 100, height: 40), texts: ["1 cup"])
        let b = LabelPlacement.Request(anchor: PixelRect(x: 30, y: 40, width: 100, height: 40), texts: ["2 plate"])
        let placed = LabelPlacement.place([a, b], in: PixelSize(width: 200, height: 200)) { PixelSize(width: $0.count * 9 + 4, height: 20) }
        #expect(placed[0]?.frame.y == 20, "above")
        #expect(placed[1]?.frame.y == 80, "below, as above is taken")
    }

    @Test func labelSizeFollowsTheCellHeight() {
        #expect(OverlayStyle(for: PixelSize(width: 1200, height: 800), labelHeight: 17).textScale == 1)
        #expect(OverlayStyle(for: PixelSize(width: 1200, height: 800), labelHeight: 34).textScale == 2)
        #expect(OverlayStyle(for: PixelSize(width: 300, height: 200), labelHeight: 40).textScale == 2)
        // A zoomed crop of 100x50 shown at 400x200 with 20 px cells: enlarged first, so the tag is 20 px tall
        // on screen instead of being magnified four times.
        let crop = Bitmap(width: 100, height: 50, fill: grey)
        let tagged = crop.annotated([Overlay(.box(UnitRect(minX: 0.2, minY: 0.5, maxX: 0.8, maxY: 0.9)), color: red, label: "cup", badge: "1")],
                                    displaySize: PixelSize(width: 400, height: 200), labelHeight: 20)
        #expect(tagged.size == PixelSize(width: 400, height: 200))
        let column = 80 + 5
        let tagHeight = (0..<100).filter { tagged[column, $0] != grey && tagged[column, $0] != tagged[column, 0] }.count
        #expect((18...22).contains(tagHeight), "tag height on screen: \(tagHeight)")
        // A bitmap twice the display size gets tags twice as tall, which the terminal halves again.
        let large = Bitmap(width: 800, height: 400, fill: grey)
            .annotated([Overlay(.box(UnitRect(minX: 0.2, minY: 0.5, maxX: 0.8, maxY: 0.9)), color: red, label: "cup")],
                       displaySize: PixelSize(width: 400, height: 200), labelHeight: 20)
        let largeTag = (0..<200).filter { large[161, $0] == red }.count  // the tag's left padding, above the box
        #expect((36...44).contains(largeTag), "\(largeTag)")
    }

    @Test func paletteColoursAreDistinctForTypicalCounts() {
        let colors = OverlayPalette.standard.colors
        #expect(colors.count >= 16)
        func distance(_ a: RGBA, _ b: RGBA) -> Int {
            let r = abs(Int(a.r) - Int(b.r)), g = abs(Int(a.g) - Int(b.g)), b = abs(Int(a.b) - Int(b.b))
            return r + g + b
        }
        for i in colors.indices { for j in colors.indices where i < j {
            let d = distance(colors[i], colors[j])
            #expect(d > 60, "\(colors[i]) vs \(colors[j])")
        } }
        let labels = (1...15).map { "label \($0)" }
        #expect(Set(OverlayPalette.standard.colors(forLabels: labels).values).count == 15)
    }

    @Test(arguments: [(TerminalColors.ansi8, 7), (.ansi16, 15), (.palette256, 15), (.truecolor, 15)])
    func labelColoursStayDistinctAsFarAsTheDepthAllows(_ depth: TerminalColors, _ distinct: Int) throws {
        let labels = (1...15).map { "label \($0)" } + ["label 1"]
        let colors = OverlayPalette.standard.labelColors(forLabels: labels, terminal: depth)
        #expect(colors.count == 15)
        #expect(Set(colors.values.map(\.rgba)).count == distinct, "\(depth)")
        // The first seven (what 8 colours can tell apart) are distinct everywhere.
        let first = (1...7).map { colors["label \($0)"]! }
        #expect(Set(first.map(\.rgba)).count == 7)
        switch depth {
        case .ansi8, .ansi16:
            for color in colors.values {
                let index = try #require(color.index)
                #expect(color.rgba == TerminalColors.xtermRGB(index), "the picture uses the colour the list shows")
                #expect(index != 0, "never black")
                #expect(depth == .ansi16 || index < 8)
            }
            #expect(Set(colors.values.compactMap(\.index)).count == distinct)
        case .palette256:
            #expect(colors.values.allSatisfy { (16...231).contains($0.index ?? -1) })
            #expect(colors["label 1"]!.rgba == OverlayPalette.standard.color(at: 0))
        default:
            #expect(colors.values.allSatisfy { $0.index == nil })
            #expect(colors["label 2"]!.rgba == OverlayPalette.standard.color(at: 1))
        }
    }

    @Test func eightColoursKeepHues() {
        // Red stays red and blue stays blue when mapped to the 8 ANSI colours.
        let colors = OverlayPalette.standard.labelColors(forLabels: ["a", "b", "c", "d"], terminal: .ansi8)
        #expect(colors["a"]?.index == 1)  // #E6194B → red
        #expect(colors["b"]?.index == 2)  // #3CB44B → green
        #expect(colors["c"]?.index == 3)  // #FFE119 → yellow
        #expect(colors["d"]?.index == 4)  // #4363D8 → blue
    }

    @Test func monochromeDrawsWhiteBoxesRimmedInBlack() {
        let colors = OverlayPalette.standard.labelColors(forLabels: ["a", "b", "c", "d"], terminal: .monochrome)
        #expect(colors.values.allSatisfy { $0.rgba == RGBA(255, 255, 255) && $0.edge == RGBA(0, 0, 0) && $0.index == nil })
        #expect(["a", "b", "c", "d"].map { colors[$0]!.mark } == [0, 1, 2, 0])
        var bitmap = Bitmap(width: 100, height: 100, fill: grey)
        bitmap.draw([Overlay(.box(UnitRect(minX: 0.2, minY: 0.2, maxX: 0.8, maxY: 0.8)), color: colors["a"]!.rgba, edge: colors["a"]!.edge)], style: style)
        #expect(bitmap[19, 50] == RGBA(0, 0, 0), "black rim outside")
        #expect(bitmap[20, 50] == RGBA(255, 255, 255) && bitmap[21, 50] == RGBA(255, 255, 255), "white line")
        #expect(bitmap[22, 50] == RGBA(0, 0, 0), "black rim inside")
        #expect(bitmap[23, 50] == grey)
        #expect(TerminalColors(colorCount: 8) == .ansi8 && TerminalColors(colorCount: 256, enabled: false) == .monochrome)
        #expect(TerminalColors(colorCount: 16) == .ansi16 && TerminalColors(colorCount: 0x1000000) == .truecolor)
    }
}
