import TerminalGraphics
import Testing
@testable import SquintTUI

@Suite struct LayoutTests {
    func panes(_ l: Layout) -> [Rect] { [l.fileList, l.preview, l.answer, l.detections, l.prompt, l.status] }

    @Test(arguments: [(80, 24), (100, 30), (120, 40), (160, 50), (250, 70)])
    func panesTileTheScreenWithoutOverlap(cols: Int, rows: Int) {
        let layout = Layout(size: CellSize(columns: cols, rows: rows))
        let rects = panes(layout)
        var covered = [[Int]](repeating: [Int](repeating: 0, count: cols), count: rows)
        for rect in rects {
            #expect(rect.x >= 0 && rect.y >= 0 && rect.maxX <= cols && rect.maxY <= rows, "\(rect) outside \(cols)x\(rows)")
            for y in rect.y..<rect.maxY { for x in rect.x..<rect.maxX { covered[y][x] += 1 } }
        }
        #expect(covered.allSatisfy { $0.allSatisfy { $0 == 1 } }, "every cell belongs to exactly one pane")
    }

    @Test func usableAt80x24() {
        let layout = Layout(size: CellSize(columns: 80, rows: 24))
        #expect(!layout.isTooSmall)
        #expect(layout.placement == .below)
        #expect(layout.fileListRows >= 15)
        #expect(layout.pictureArea.width >= 40 && layout.pictureArea.height >= 10)
        #expect(layout.answerRows >= 5)
        #expect(layout.prompt.y == 22 && layout.status.y == 23)
    }

    @Test func wideTerminalsPutTheAnswerOnTheRight() {
        let layout = Layout(size: CellSize(columns: 200, rows: 50))
        #expect(layout.placement == .right)
        #expect(layout.answer.x > layout.preview.x)
        #expect(layout.preview.height == 48)
    }

    @Test func tinyTerminalsAreFlagged() {
        #expect(Layout(size: CellSize(columns: 40, rows: 10)).isTooSmall)
    }
}
