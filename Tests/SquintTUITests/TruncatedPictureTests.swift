import Foundation
import Imaging
import SquintCore
import TerminalGraphics
import Testing
@testable import SquintTUI
import TestCorpus

/// A truncated JPEG is shown in the TUI (the rows that are there) and its preview title says "truncated".
@Suite struct TruncatedPictureTests {
    static let corpus = TestCorpus.root

    func run(_ relative: String) async throws -> PictureBox {
        let capabilities = TerminalCapabilities(protocols: [.sixel], colorDepth: .truecolor, cellSize: PixelSize(width: 10, height: 20),
                                                terminalSize: CellSize(columns: 80, rows: 24))
        let service = GraphicsPreviewService(renderer: RendererSelector.renderer(for: .symbols, capabilities: capabilities),
                                             cellSize: PixelSize(width: 10, height: 20))
        let key = PictureKey(image: Self.corpus.appendingPathComponent(relative).path, area: Rect(x: 1, y: 1, width: 30, height: 10),
                             detections: [], selectedDetection: nil, boxes: true, masks: true, labels: true, zoomed: false, theme: 0)
        return try await PicturePipeline.run(key: key, service: service, cache: PreviewCache(service: service))
    }

    @Test func truncatedJPEGIsShownWithANoteInTheTitle() async throws {
        let box = try await run("bad/truncated.jpg")
        #expect(box.damage == "truncated")
        var state = AppState(folder: Self.corpus.appendingPathComponent("bad").path, size: CellSize(columns: 120, rows: 40))
        _ = state.apply(.folderLoaded(path: state.folder, entries: [FileEntry(name: "truncated.jpg", kind: .image)]))
        let picture = PreviewView.Picture(key: state.pictureKey, rendered: box.rendered, viewport: box.viewport,
                                          imageSize: box.imageSize, damage: box.damage)
        #expect(PreviewView.previewTitle(state, picture: picture, loading: false) == "truncated.jpg  600×400  [truncated]")
    }

    @Test func aCompleteJPEGHasNoNote() async throws {
        #expect(try await run("formats/coffee_baseline.jpg").damage == nil)
    }
}
