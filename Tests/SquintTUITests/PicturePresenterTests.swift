import Imaging
import Testing
import TerminalGraphics
@testable import SquintTUI

/// The picture's life on screen, without a terminal: what is rendered, written, erased and put back.
@Suite struct PicturePresenterTests {
    let area = Rect(x: 30, y: 1, width: 40, height: 20)

    func key(_ image: String, area: Rect? = nil, selected: Int? = nil) -> PictureKey {
        PictureKey(image: image, area: area ?? self.area, detections: [], selectedDetection: selected, boxes: true,
                   masks: true, labels: true, zoomed: false, theme: 0)
    }

    func sixel(_ key: PictureKey, columns: Int = 20, rows: Int = 10) -> PreviewView.Picture {
        let output = TerminalOutput(protocolUsed: .sixel, bytes: Array("SIXEL".utf8), cells: CellSize(columns: columns, rows: rows))
        return PreviewView.Picture(key: key, rendered: .graphics(output), viewport: .full, imageSize: PixelSize(width: 400, height: 200))
    }

    func kitty(_ key: PictureKey, placeholders: Bool = false) -> PreviewView.Picture {
        let output = TerminalOutput(protocolUsed: .kitty, bytes: Array("KITTY".utf8), cells: CellSize(columns: 20, rows: 2),
                                    imageID: 7, eraseBytes: Array("DELETE".utf8),
                                    placeholderRows: placeholders ? [Array("P1".utf8), Array("P2".utf8)] : [])
        return PreviewView.Picture(key: key, rendered: .graphics(output), viewport: .full, imageSize: nil)
    }

    func cells(_ key: PictureKey) -> PreviewView.Picture {
        PreviewView.Picture(key: key, rendered: .cells(CellGrid(columns: 1, rows: 1, cells: [.init(character: "x", foreground: .white, background: .black)], colorDepth: .truecolor)), viewport: .full, imageSize: nil)
    }

    func writes(_ actions: [PicturePresenter.Action]) -> [String] {
        actions.compactMap { if case .write(let bytes) = $0 { String(decoding: bytes, as: UTF8.self) } else { nil } }
    }

    /// Shows `picture` for its key: want, rendered, first flush.
    func shown(_ picture: PreviewView.Picture) -> PicturePresenter {
        var presenter = PicturePresenter()
        _ = presenter.handle(.want(picture.key))
        _ = presenter.handle(.rendered(picture.key, picture))
        _ = presenter.handle(.frameFlushed)
        return presenter
    }

    @Test func aWantedPictureIsRenderedOnceAndWrittenAfterTheFrame() {
        var presenter = PicturePresenter()
        let a = key("a.jpg")
        #expect(presenter.handle(.want(a)) == [.startRender(a)])
        #expect(presenter.handle(.want(a)).isEmpty, "the same key while rendering starts nothing")
        #expect(presenter.handle(.frameFlushed).isEmpty, "nothing to write before the render is back")
        #expect(presenter.handle(.rendered(a, sixel(a))) == [.clearInterior])
        let written = writes(presenter.handle(.frameFlushed))
        // 20×10 cells centred in 40×20 at (30, 1): column 40, row 6 (0-based) → CSI 7;41 H.
        #expect(written == ["\u{1B}7\u{1B}[7;41HSIXEL\u{1B}8"])
        #expect(presenter.handle(.frameFlushed).isEmpty, "written once, not every frame")
        #expect(presenter.handle(.want(a)).isEmpty)
    }

    @Test func aStreamingAnswerBesideThePictureNeverRewritesOrErasesIt() {
        var presenter = shown(sixel(key("a.jpg")))
        for _ in 0..<50 {
            #expect(presenter.handle(.want(key("a.jpg"))).isEmpty)
            #expect(presenter.handle(.frameFlushed).isEmpty)
        }
    }

    @Test func aRenderThatFinishesAfterThePersonMovedOnIsDropped() {
        var presenter = PicturePresenter()
        let a = key("a.jpg"), b = key("b.jpg")
        _ = presenter.handle(.want(a))
        #expect(presenter.handle(.want(b)) == [.cancelRender, .startRender(b)])
        #expect(presenter.handle(.rendered(a, sixel(a))).isEmpty)
        #expect(presenter.shown == nil)
        #expect(presenter.handle(.rendered(b, sixel(b))) == [.clearInterior])
        #expect(presenter.shown?.key == b)
    }

    @Test func boxesStreamingInFasterThanARenderStillShowAsTheyCome() {
        // Each new box changes only the overlays: the render in flight finishes and shows, then the latest renders.
        var presenter = PicturePresenter()
        let one = key("a.jpg", selected: 0), two = key("a.jpg", selected: 1), three = key("a.jpg", selected: 2)
        #expect(presenter.handle(.want(one)) == [.startRender(one)])
        #expect(presenter.handle(.want(two)).isEmpty, "no cancel: the render in flight goes on")
        #expect(presenter.handle(.want(three)).isEmpty)
        #expect(presenter.handle(.rendered(one, sixel(one))) == [.clearInterior, .startRender(three)], "shown, and the latest is next")
        #expect(presenter.shown?.key == one)
        #expect(writes(presenter.handle(.frameFlushed)).count == 1, "the first boxes reach the terminal meanwhile")
        #expect(presenter.handle(.rendered(three, sixel(three))) == [.clearInterior])
        #expect(presenter.shown?.key == three)
        // Another image still cancels at once.
        #expect(presenter.handle(.want(key("b.jpg"))) == [.startRender(key("b.jpg"))])
        #expect(presenter.handle(.want(key("c.jpg"))) == [.cancelRender, .startRender(key("c.jpg"))])
    }

    @Test func theOldPictureStaysUpUntilTheNextReplacesIt() {
        var presenter = shown(kitty(key("a.jpg")))
        let b = key("b.jpg")
        #expect(presenter.handle(.want(b)) == [.startRender(b)], "no erase yet: moving through a folder does not flash")
        #expect(presenter.handle(.rendered(b, kitty(b))) == [.erase(Array("DELETE".utf8)), .clearInterior])
        #expect(writes(presenter.handle(.frameFlushed)).count == 1)
    }

    @Test func aPictureOfAnotherAreaComesDownAtOnce() {
        var presenter = shown(sixel(key("a.jpg")))
        let wider = key("a.jpg", area: Rect(x: 30, y: 1, width: 60, height: 20))
        #expect(presenter.handle(.want(wider)) == [.clearInterior, .startRender(wider)])
    }

    @Test func aDialogOverKittyTakesThePictureOffAndClosingPutsItBack() {
        var presenter = shown(kitty(key("a.jpg")))
        #expect(presenter.handle(.modalOpened) == [.erase(Array("DELETE".utf8))])
        #expect(presenter.handle(.modalOpened).isEmpty)
        #expect(presenter.handle(.frameFlushed).isEmpty, "nothing is written while the dialog is open")
        #expect(presenter.handle(.modalClosed) == [.clearInterior])
        #expect(writes(presenter.handle(.frameFlushed)).count == 1)
    }

    @Test func aDialogOverSixelLeavesItAndClosingRewritesIt() {
        var presenter = shown(sixel(key("a.jpg")))
        #expect(presenter.handle(.modalOpened).isEmpty, "the dialog's own cells replace the pixels under it")
        #expect(presenter.handle(.frameFlushed).isEmpty)
        #expect(presenter.handle(.modalClosed) == [.clearInterior])
        #expect(writes(presenter.handle(.frameFlushed)).count == 1)
    }

    @Test func kittyThroughTmuxIsTextThatADialogReplaces() {
        var presenter = shown(kitty(key("a.jpg"), placeholders: true))
        #expect(presenter.handle(.modalOpened).isEmpty)
        // Closing: delete the image, clear, and place it again row by row.
        #expect(presenter.handle(.modalClosed) == [.erase(Array("DELETE".utf8)), .clearInterior])
        let written = writes(presenter.handle(.frameFlushed))
        // 20×2 centred in 40×20 at (30, 1): column 40, row 10 (0-based).
        #expect(written == ["\u{1B}7\u{1B}[11;41HKITTY\u{1B}[11;41HP1\u{1B}[12;41HP2\u{1B}8"])
    }

    @Test func aRenderFinishingWhileADialogIsOpenWaitsForItToClose() {
        var presenter = PicturePresenter()
        let a = key("a.jpg")
        _ = presenter.handle(.want(a))
        _ = presenter.handle(.modalOpened)
        _ = presenter.handle(.rendered(a, sixel(a)))
        #expect(presenter.handle(.frameFlushed).isEmpty)
        _ = presenter.handle(.modalClosed)
        #expect(writes(presenter.handle(.frameFlushed)).count == 1)
    }

    @Test func aResizeDeletesKittyImagesAndRendersAgainForTheNewArea() {
        var presenter = shown(kitty(key("a.jpg")))
        #expect(presenter.handle(.resized) == [.erase(Array("DELETE".utf8))])
        #expect(presenter.shown == nil && presenter.onTerminal == nil)
        let smaller = key("a.jpg", area: Rect(x: 22, y: 1, width: 30, height: 12))
        #expect(presenter.handle(.want(smaller)) == [.startRender(smaller)])
    }

    @Test func aResizeDuringARenderCancelsIt() {
        var presenter = PicturePresenter()
        let a = key("a.jpg")
        _ = presenter.handle(.want(a))
        #expect(presenter.handle(.resized) == [.cancelRender])
        #expect(presenter.handle(.want(a)) == [.startRender(a)], "the same key again after a resize renders again")
    }

    @Test func aFullRepaintPutsTheGraphicsBack() {
        var presenter = shown(sixel(key("a.jpg")))
        #expect(presenter.handle(.repainted) == [.clearInterior])
        #expect(writes(presenter.handle(.frameFlushed)).count == 1)
    }

    @Test func nothingToShowTakesThePictureDown() {
        var presenter = shown(kitty(key("a.jpg")))
        #expect(presenter.handle(.want(nil)) == [.erase(Array("DELETE".utf8)), .clearInterior])
        #expect(presenter.handle(.want(nil)).isEmpty)
        #expect(presenter.handle(.frameFlushed).isEmpty)
    }

    @Test func aFailedRenderIsNotRetriedOnEveryFrame() {
        var presenter = shown(sixel(key("a.jpg")))
        let b = key("b.jpg")
        _ = presenter.handle(.want(b))
        #expect(presenter.handle(.failed(b)) == [.clearInterior], "the old picture must not stay up beside the error")
        #expect(presenter.handle(.want(b)).isEmpty)
        let c = key("c.jpg")
        #expect(presenter.handle(.want(c)) == [.startRender(c)])
    }

    @Test func cellPicturesAreNeverWrittenAsBytes() {
        var presenter = PicturePresenter()
        let a = key("a.jpg")
        _ = presenter.handle(.want(a))
        #expect(presenter.handle(.rendered(a, cells(a))) == [.clearInterior])
        #expect(presenter.handle(.frameFlushed).isEmpty)
        #expect(presenter.handle(.modalOpened).isEmpty)
        #expect(presenter.handle(.modalClosed) == [.clearInterior])
        #expect(presenter.handle(.frameFlushed).isEmpty)
    }
}
