import Foundation
import Imaging
import Testing
import TerminalGraphics
@testable import SquintTUI

/// A return visit to an image finds its encoded picture: no decode, no encode.
@Suite struct PictureCacheTests {
    final class CountingService: PreviewService, @unchecked Sendable {
        private let lock = NSLock()
        private var counts = (decodes: 0, renders: 0)
        var modeName: String { "sixel" }
        var drawsCells: Bool { false }
        var cellPixelSize: PixelSize { PixelSize(width: 10, height: 20) }
        var decodes: Int { lock.withLock { counts.decodes } }
        var renders: Int { lock.withLock { counts.renders } }

        func decode(path: String, fitting: PixelSize) async throws -> DecodedImage {
            lock.withLock { counts.decodes += 1 }
            let info = ImageInfo(format: .png, storedSize: PixelSize(width: 640, height: 480), orientation: .up, hasAlpha: false)
            return DecodedImage(info: info, bitmap: Bitmap(width: 64, height: 48, fill: RGBA(9, 9, 9)))
        }

        func render(_ bitmap: Bitmap, columns: Int, rows: Int) async throws -> RenderedPicture {
            lock.withLock { counts.renders += 1 }
            return .graphics(TerminalOutput(protocolUsed: .sixel, bytes: Array("P\(bitmap.width)".utf8), cells: CellSize(columns: columns, rows: rows)))
        }
    }

    func key(_ image: String, boxes: Bool = true) -> PictureKey {
        PictureKey(image: image, area: Rect(x: 1, y: 1, width: 30, height: 10), detections: [], selectedDetection: nil,
                   boxes: boxes, masks: true, labels: true, zoomed: false, theme: 0)
    }

    @Test func comingBackToAnImageReusesItsPicture() async throws {
        let service = CountingService()
        let cache = PreviewCache(service: service)
        let first = try await PicturePipeline.run(key: key("a.png"), service: service, cache: cache)
        _ = try await PicturePipeline.run(key: key("b.png"), service: service, cache: cache)
        let back = try await PicturePipeline.run(key: key("a.png"), service: service, cache: cache)
        #expect(service.decodes == 2 && service.renders == 2)
        #expect(await cache.renderCount == 2)
        guard case .graphics(let a) = first.rendered, case .graphics(let b) = back.rendered else { Issue.record("not graphics"); return }
        #expect(a.bytes == b.bytes)
        // The title shows the image's own size, not the preview's.
        #expect(back.imageSize == PixelSize(width: 640, height: 480))
    }

    @Test func anOverlayChangeRendersAgainWithoutDecodingAgain() async throws {
        let service = CountingService()
        let cache = PreviewCache(service: service)
        _ = try await PicturePipeline.run(key: key("a.png"), service: service, cache: cache)
        _ = try await PicturePipeline.run(key: key("a.png", boxes: false), service: service, cache: cache)
        #expect(service.decodes == 1)
        #expect(service.renders == 2)
    }
}

/// A small image fills the preview in the TUI (enlarged to fit); `squint view` keeps the native size.
@Suite struct SmallImageTests {
    @Test func aSmallImageIsEnlargedToFillThePreview() async throws {
        let capabilities = TerminalCapabilities(protocols: [.sixel], colorDepth: .truecolor, cellSize: PixelSize(width: 10, height: 20),
                                                terminalSize: CellSize(columns: 80, rows: 24))
        let service = GraphicsPreviewService(renderer: RendererSelector.renderer(for: .sixel, capabilities: capabilities),
                                             cellSize: PixelSize(width: 10, height: 20))
        let rendered = try await service.render(Bitmap(width: 32, height: 16, fill: RGBA(200, 10, 10)), columns: 40, rows: 10)
        guard case .graphics(let output) = rendered else { Issue.record("not graphics"); return }
        // 40×10 cells of 10×20 px is 400×200: a 2:1 image fills it exactly.
        #expect(output.pixelSize == PixelSize(width: 400, height: 200))
        #expect(output.cells == CellSize(columns: 40, rows: 10))
    }
}
