import Foundation
import Testing
@testable import Imaging

@Suite struct OverlayTests {
    let grey = RGBA(128, 128, 128)
    let red = RGBA(230, 20, 20)

    @Test func boxEdgesAreColouredAndInsideIsUntouched() {
        var bitmap = Bitmap(width: 200, height: 100, fill: grey)
        let style = OverlayStyle(lineWidth: 3, textScale: 1, pointRadius: 3)
        bitmap.draw([.box(UnitRect(minX: 0.25, minY: 0.2, maxX: 0.75, maxY: 0.8), color: red)], style: style)
        // The box covers x 50..<150, y 20..<80; lines are 3 px inside its edges.
        for (x, y) in [(50, 20), (52, 50), (149, 79), (147, 50), (100, 22), (100, 77)] {
            #expect(bitmap[x, y] == red, "(\(x), \(y))")
        }
        for (x, y) in [(49, 50), (53, 50), (100, 23), (100, 50), (150, 50), (100, 80)] {
            #expect(bitmap[x, y] == grey, "(\(x), \(y))")
        }
    }

    @Test func lineWidthScalesWithTheBitmap() {
        #expect(OverlayStyle(for: PixelSize(width: 300, height: 200)).lineWidth == 2)
        #expect(OverlayStyle(for: PixelSize(width: 6000, height: 4000)).lineWidth == 16)
        #expect(OverlayStyle(for: PixelSize(width: 6000, height: 4000)).textScale == 6)
    }

    @Test func labelTagHasTextInContrastingColour() {
        var bitmap = Bitmap(width: 200, height: 100, fill: grey)
        let yellow = RGBA(0xF3, 0xC3, 0x00)
        let style = OverlayStyle(lineWidth: 2, textScale: 2, pointRadius: 3)
        bitmap.draw([.box(UnitRect(minX: 0.1, minY: 0.5, maxX: 0.9, maxY: 0.9), color: yellow, label: "Cup")], style: style)
        // The tag sits above the box top (y = 50): 9x16 glyphs at 2x plus 4 px padding all round, from x = 20.
        let tag = PixelRect(x: 20, y: 50 - (32 + 8), width: 3 * 9 * 2 + 8, height: 32 + 8)
        var text = 0, fill = 0
        for y in tag.y..<tag.maxY {
            for x in tag.x..<tag.maxX {
                if bitmap[x, y] == RGBA(0, 0, 0) { text += 1 } else if bitmap[x, y] == yellow { fill += 1 }
            }
        }
        #expect(text > 40, "text pixels: \(text)")
        #expect(fill > text, "tag fill pixels: \(fill)")
        #expect(text + fill == tag.width * tag.height)
        #expect(bitmap[tag.x - 1, tag.y + 5] == grey)
        // On a dark colour the text is white.
        #expect(OverlayPalette.textColor(on: RGBA(0x2B, 0x3D, 0x26)) == RGBA(255, 255, 255))
        #expect(OverlayPalette.textColor(on: yellow) == RGBA(0, 0, 0))
        // Nothing below the box's top edge was painted as tag.
        #expect(bitmap[60, 52] == grey)
    }

    @Test func glyphsMatchTheirShapes() {
        var bitmap = Bitmap(width: 5, height: 7, fill: RGBA(0, 0, 0))
        bitmap.draw(text: "H", x: 0, y: 0, scale: 1, color: RGBA(255, 255, 255))
        let rows = (0..<7).map { y in String((0..<5).map { bitmap[$0, y].r == 255 ? "#" : "." }) }
        #expect(rows == ["#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"])
        var unknown = Bitmap(width: 5, height: 7, fill: RGBA(0, 0, 0))
        unknown.draw(text: "é", x: 0, y: 0, scale: 1, color: RGBA(255, 255, 255))
        var question = Bitmap(width: 5, height: 7, fill: RGBA(0, 0, 0))
        question.draw(text: "?", x: 0, y: 0, scale: 1, color: RGBA(255, 255, 255))
        #expect(unknown == question)
        #expect(Bitmap.textSize("e\u{301}🇩🇪", scale: 1) == Bitmap.textSize("??", scale: 1))
        #expect(unknown != Bitmap(width: 5, height: 7, fill: RGBA(0, 0, 0)))
    }

    @Test func maskBlendValuesAreExact() {
        var bitmap = Bitmap(width: 10, height: 10, fill: RGBA(100, 50, 200))
        var mask = GrayImage(width: 2, height: 2)
        mask[0, 0] = 255
        let style = OverlayStyle(lineWidth: 2, textScale: 1, pointRadius: 3, maskAlpha: 102)
        bitmap.draw([.mask(mask, in: UnitRect(minX: 0.2, minY: 0.2, maxX: 0.6, maxY: 0.6), color: RGBA(0, 250, 0))], style: style)
        // The mask spans x, y 2..<6. Bilinear samples: (2,2) = 255, (3,3) = 255·0.75² ≈ 143 (inside, ≥ 127),
        // (4,4) = 255·0.25² ≈ 16 and (5,5) = 0 (outside).
        let red: Int = (100 * 153 + 0 * 102 + 127) / 255
        let green: Int = (50 * 153 + 250 * 102 + 127) / 255
        let blue: Int = (200 * 153 + 0 * 102 + 127) / 255
        let expected = RGBA(UInt8(red), UInt8(green), UInt8(blue), 255)
        let untouched = RGBA(100, 50, 200)
        #expect(bitmap[2, 2] == expected)
        #expect(bitmap[3, 3] == expected)
        #expect(bitmap[4, 4] == untouched)
        #expect(bitmap[5, 5] == untouched)
        #expect(bitmap[1, 2] == untouched)
        #expect(bitmap[6, 6] == untouched)
    }

    /// Upscaled masks get smooth edges: a circle stays a circle, with no 10-pixel stair steps.
    @Test func upscaledMaskEdgesAreSmooth() {
        var mask = GrayImage(width: 10, height: 10)
        for y in 0..<10 { for x in 0..<10 where (x - 5) * (x - 5) + (y - 5) * (y - 5) <= 12 { mask[x, y] = 255 } }
        var bitmap = Bitmap(width: 100, height: 100, fill: grey)
        bitmap.blend(mask: mask, in: PixelRect(x: 0, y: 0, width: 100, height: 100), color: red, alpha: 255)
        // Count distinct left-edge positions over the rows: nearest sampling gives at most 10, bilinear many more.
        var edges = Set<Int>()
        for y in 0..<100 { if let x = (0..<100).first(where: { bitmap[$0, y] == red }) { edges.insert(x) } }
        #expect(edges.count > 15, "\(edges.sorted())")
    }

    @Test func pointMarkerIsAFilledDotWithARing() {
        var bitmap = Bitmap(width: 100, height: 100, fill: grey)
        let style = OverlayStyle(lineWidth: 2, textScale: 1, pointRadius: 6)
        bitmap.draw([.point(UnitPoint(x: 0.5, y: 0.5), color: red)], style: style)
        #expect(bitmap[50, 50] == red)
        #expect(bitmap[55, 50] == red)
        #expect(bitmap[57, 50] == RGBA(255, 255, 255))  // the ring, white on red
        #expect(bitmap[60, 50] == grey)
        var untouched = Bitmap(width: 10, height: 10, fill: grey)
        untouched.fillCircle(x: -50, y: 500, radius: 3, color: red)
        #expect(untouched == Bitmap(width: 10, height: 10, fill: grey))
    }

    @Test func paletteKeepsLabelsDistinct() {
        let palette = OverlayPalette.standard
        #expect(Set(palette.colors).count == palette.colors.count)
        let assigned = palette.colors(forLabels: ["cup", "spoon", "cup", "plate", "saucer"])
        #expect(assigned.count == 4)
        #expect(Set(assigned.values).count == 4)
        #expect(assigned["cup"] == palette.color(at: 0) && assigned["spoon"] == palette.color(at: 1))
        // Neighbours in the list differ strongly (sum of channel differences).
        for index in 0..<palette.colors.count {
            let a = palette.color(at: index), b = palette.color(at: index + 1)
            let distance = abs(Int(a.r) - Int(b.r)) + abs(Int(a.g) - Int(b.g)) + abs(Int(a.b) - Int(b.b))
            #expect(distance > 100, "\(a) vs \(b)")
        }
    }

    @Test func overlaysClipAtImageEdges() {
        var bitmap = Bitmap(width: 50, height: 40, fill: grey)
        bitmap.draw([
            .box(UnitRect(minX: -0.5, minY: -0.5, maxX: 1.5, maxY: 1.5), color: red, label: String(repeating: "long label ", count: 20)),
            .point(UnitPoint(x: 1, y: 1), color: red, label: "corner"),
            .mask(GrayImage(width: 3, height: 3, fill: 255), in: UnitRect(minX: 0.9, minY: 0.9, maxX: 1.4, maxY: 1.4), color: red),
        ])
        #expect(bitmap.size == PixelSize(width: 50, height: 40))
        #expect(bitmap[0, 0] == red && bitmap[49, 39] == red)
    }

    /// Model output can hold anything a JSON number can: none of it may trap.
    @Test func absurdCoordinatesDoNotTrap() {
        var bitmap = Bitmap(width: 20, height: 10, fill: grey)
        bitmap.draw([
            .box(UnitRect(minX: .nan, minY: -.infinity, maxX: .infinity, maxY: 1e300), color: red, label: "x"),
            .point(UnitPoint(x: .nan, y: .infinity), color: red, label: "y"),
            .mask(GrayImage(width: 1, height: 1, fill: 255), in: UnitRect(minX: -1e308, minY: 0, maxX: 1e308, maxY: 1), color: red),
        ])
        #expect(bitmap.size == PixelSize(width: 20, height: 10))
        #expect(bitmap[0, 9] != grey)
    }
}
