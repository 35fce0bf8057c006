import Imaging
import SquintCore
import TerminalGraphics
import Testing
@testable import SquintTUI

/// Reviewing at 80×24: list rows, the status line's selected label, the picture's overlays and the text-mode
/// outlines, all without a terminal.
@Suite struct DetectionReviewTests {
    static let labels = ["white frosting with colourful sprinkles", "cupcake", "metal lid of red jar", "cupcake", "spoon",
                         "plate", "cup", "saucer", "napkin", "fork", "knife", "glass", "bottle", "candle", "white frosting with colourful sprinkles"]

    static func detections(reviews: [Int: ReviewState] = [:]) -> [StoredDetection] {
        labels.enumerated().map { index, label in
            let column = Double(index % 5), row = Double(index / 5)
            return AppStateTests.detection(Int64(index + 1), label, x0: 20 + column * 190, y0: 20 + row * 160,
                                           x1: 180 + column * 190, y1: 150 + row * 160, review: reviews[index] ?? .pending)
        }
    }

    @Test func rowsAt80ColumnsKeepTheLabelReadable() {
        let inner = Layout(size: CellSize(columns: 80, rows: 24)).detections.width - 2
        let items = Self.detections(reviews: [1: .accepted, 2: .rejected, 3: .relabelled("muffin")])
        let rows = items.enumerated().map { DetectionListView.row($1, index: $0, count: items.count, inner: inner, saving: nil, unicode: true) }
        for (item, row) in zip(items, rows) {
            // badge, space, label, space, one-cell state: never wider than the pane.
            #expect(row.badge.count + 1 + DisplayWidth.of(row.label) + 1 + DisplayWidth.of(row.state) <= inner, "\(row)")
            #expect(DisplayWidth.of(row.state) == 1, "a one-cell state glyph at \(inner) columns: \(row.state)")
            #expect(row.label == item.effectiveLabel || DisplayWidth.of(row.label) >= 12, "most of the label shows: \(row.label)")
        }
        #expect(rows[0].badge == " 1" && rows[14].badge == "15")
        #expect(rows[0].label.hasPrefix("white frost") && rows[0].label.hasSuffix("…"))
        #expect(rows[1].label == "cupcake" && rows[1].state == "✓")
        #expect(rows[2].state == "✗" && rows[3].state == "✎" && rows[3].label == "muffin" && rows[4].state == "·")
        #expect(DetectionListView.row(items[4], index: 4, count: 15, inner: inner, saving: .accepted, unicode: true).state == "…")
        // Wide panes spell the state out.
        let wide = DetectionListView.row(items[1], index: 1, count: 15, inner: 50, saving: nil, unicode: true)
        #expect(wide.state == "✓ accepted" && wide.label == "cupcake")
    }

    @Test func asciiFallbacksWithoutUTF8() {
        let items = Self.detections(reviews: [1: .accepted, 2: .rejected, 3: .relabelled("muffin")])
        let states = (0..<5).map { DetectionListView.row(items[$0], index: $0, count: 15, inner: 18, saving: nil, unicode: false).state }
        #expect(states == [".", "+", "x", "~", "."])
        let cut = DetectionListView.row(items[0], index: 0, count: 15, inner: 18, saving: nil, unicode: false).label
        let asciiOnly = cut.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(asciiOnly && cut.hasSuffix("~"))
        let heavy = DetectionOutlines.lines(heavy: true, unicode: false)
        #expect([heavy.0, heavy.1, heavy.2].joined().unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func statusLineShowsTheSelectedLabelInFull() {
        var state = AppState(folder: "/pics", size: CellSize(columns: 80, rows: 24))
        state.detections = Self.detections(reviews: [14: .relabelled("sprinkled frosting")])
        state.selectedDetection = 0
        #expect(StatusBarView.selectedLabel(state) == nil, "only while reviewing")
        state.focus = .detections
        #expect(StatusBarView.selectedLabel(state) == "1/15 white frosting with colourful sprinkles · pending")
        state.selectedDetection = 14
        #expect(StatusBarView.selectedLabel(state) == "15/15 sprinkled frosting · relabelled (was white frosting with colourful sprinkles)")
    }

    @Test func pictureOverlaysKeepColoursAndNumbersWhenDetectionsAreRejected() throws {
        var key = AppState(folder: "/pics", size: CellSize(columns: 80, rows: 24)).pictureKey
        key.detections = Self.detections(reviews: [0: .rejected, 1: .rejected])
        key.selectedDetection = 4
        let overlays = try #require(PicturePipeline.overlays(for: key, viewport: .full, drawsCells: false))
        let all = Detection.colors(forLabels: Self.labels)
        let boxes = overlays.filter { if case .box = $0.shape { true } else { false } }
        #expect(boxes.count == 13, "two rejected ones hidden")
        #expect(boxes.map(\.badge) == (3...15).map { String($0) }, "numbers are list positions")
        #expect(boxes.map(\.color) == Array(all[2...]), "colours by label over the whole list")
        #expect(boxes.filter { $0.emphasis == .selected }.map(\.badge) == ["5"])
        #expect(boxes.filter { $0.emphasis == .dimmed }.count == 12)
        // The same labels at 8 colours: the colours the list can show.
        key.terminalColors = .ansi8
        let eight = try #require(PicturePipeline.overlays(for: key, viewport: .full, drawsCells: false))
        let listColors = Detection.colors(forLabels: Self.labels, terminal: .ansi8)
        #expect(eight.filter { if case .box = $0.shape { true } else { false } }.map(\.color) == listColors[2...].map(\.rgba))
    }

    @Test func outlinesDrawTheSelectedLastWithTagsApart() {
        var state = AppState(folder: "/pics", size: CellSize(columns: 80, rows: 24))
        state.detections = Self.detections(reviews: [2: .rejected])
        state.selectedDetection = 6
        let geometry = OverlayGeometry(imageSize: PixelSize(width: 1000, height: 500), columns: 56, rows: 12)
        let (marks, tags) = DetectionOutlines.layout(state, geometry: geometry)
        #expect(marks.count == 14, "the rejected one is not drawn")
        #expect(marks.last?.index == 6 && marks.last?.emphasis == .selected)
        #expect(marks.dropLast().allSatisfy { $0.emphasis == .dimmed })
        #expect(tags[6] != nil, "the selected one always has its tag")
        #expect(tags[6]?.text.hasPrefix("7 ") ?? false, "\(String(describing: tags[6]))")
        let frames = Array(tags.values.map(\.frame))
        for i in frames.indices { for j in frames.indices where i < j { #expect(!frames[i].overlaps(frames[j])) } }
        #expect(tags.values.allSatisfy { $0.frame.x >= 0 && $0.frame.maxX <= 56 && $0.frame.y >= 0 && $0.frame.maxY <= 12 })
        // Cut to the box while four letters survive, else the number alone.
        #expect(DetectionOutlines.texts(number: "10", label: "fork and knife", room: 10, unicode: true) == ["10 fork a…", "10"])
        #expect(DetectionOutlines.texts(number: "10", label: "fork and knife", room: 6, unicode: true) == ["10"])
    }
}

/// What the last key said outranks the label under review until the next key: a labeller in the detection list
/// must see "no class list" after pressing `C`.
@Suite struct FreshMessageTests {
    let keys = BatchRunTests()

    @Test func aMessageFromTheLastKeyOutranksTheSelectedLabelUntilTheNextKey() {
        var state = keys.loaded()
        state.detections = DetectionReviewTests.detections()
        state.selectedDetection = 0
        state.focus = .detections
        _ = keys.press(&state, "C")
        #expect(state.info?.hasPrefix("no class list") == true)
        #expect(state.infoIsFresh && StatusBarView.selectedLabel(state) != nil, "both there: the message is the one shown")
        _ = keys.press(&state, "j")
        #expect(!state.infoIsFresh, "the next key brings the label under review back")
    }
}

/// On xterm's 8 colours the dark theme's grey selection bar turns black, the terminal's own background.
@Suite struct SelectionVisibilityTests {
    @Test func aSelectionBarTheTerminalCannotShowIsUnderlined() {
        let grey = ThemeColor.rgb(0x3a, 0x3a, 0x3a).paletteIndex(colors: 8, asBackground: true)
        #expect(grey == 0, "the grey bar is black at 8 colours")
        #expect(StyleTable.selectionBlendsIn(.selectionInactive, background: Int32(grey), colors: 8, light: false))
        #expect(StyleTable.selectionBlendsIn(.selection, background: -1, colors: 16, light: false))
        #expect(StyleTable.selectionBlendsIn(.selectionInactive, background: 7, colors: 8, light: true))
        #expect(!StyleTable.selectionBlendsIn(.selectionInactive, background: 8, colors: 16, light: false), "grey shows at 16 colours")
        #expect(!StyleTable.selectionBlendsIn(.selectionInactive, background: 0, colors: 256, light: false))
        #expect(!StyleTable.selectionBlendsIn(.text, background: 0, colors: 8, light: false))
    }
}

/// Badge text follows the colour the terminal shows, not the label's own RGB.
@Suite struct BadgeContrastTests {
    @Test func aDarkGoldLabelOnEightColoursIsOliveWithBlackText() {
        let gold = RGBA(150, 110, 0)
        #expect(OverlayPalette.textColor(on: gold) == RGBA(255, 255, 255), "white on the real dark gold")
        #expect(StyleTable.badgeTextIsBlack(background: 3, label: gold), "xterm's olive (205, 205, 0) takes black")
        #expect(!StyleTable.badgeTextIsBlack(background: 4, label: gold), "blue takes white")
        #expect(!StyleTable.badgeTextIsBlack(background: 0x123456, label: gold), "direct colour: by the label")
    }
}
