import Foundation
import Imaging
import SquintCore
import TerminalGraphics
import Testing
@testable import SquintTUI

/// One colour rule everywhere: the TUI's picture (its real pipeline and sixel renderer) and `squint view
/// --detections` (the real binary) draw the same labels in the same colours, pixel for pixel after decoding
/// both sixels — also when the TUI hides a rejected detection, which once recoloured the rest.
@Suite struct OverlayColourParityTests {
    static let size = PixelSize(width: 800, height: 600)
    static let items: [(label: String, box: PixelBox)] = [
        ("fork", PixelBox(x0: 40, y0: 40, x1: 200, y1: 250)),
        ("cup", PixelBox(x0: 240, y0: 40, x1: 400, y1: 250)),
        ("plate", PixelBox(x0: 440, y0: 40, x1: 600, y1: 250)),
        ("cup", PixelBox(x0: 40, y0: 330, x1: 200, y1: 560)),
        ("spoon", PixelBox(x0: 440, y0: 330, x1: 760, y1: 560)),
    ]

    @Test func tuiPictureAndSquintViewDrawTheSameColours() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("squint-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let image = dir.appendingPathComponent("grey.png")
        try PNGEncoder.encode(Bitmap(width: Self.size.width, height: Self.size.height, fill: RGBA(128, 128, 128))).write(to: image)
        let boxes = Self.items.map { "{\"label\": \"\($0.label)\", \"box\": [\($0.box.x0), \($0.box.y0), \($0.box.x1), \($0.box.y1)]}" }
        let json = dir.appendingPathComponent("detections.json")
        try "{\"width\": 800, \"height\": 600, \"detections\": [\(boxes.joined(separator: ", "))]}".write(to: json, atomically: true, encoding: .utf8)

        // squint view, 40×15 cells of 10×20 pixels: a 400×300 picture.
        let view = try await ViewCommandTests().view([image.path, "--detections", json.path, "--protocol", "sixel",
                                                      "--cols", "40", "--rows", "15", "--cell-size", "10x20"])
        try #require(view.status == 0, "\(view.stderr)")
        let printed = try ViewCommandTests().decodeSixel(view.stdout)

        // The TUI: the same detections, the first rejected (hidden), nothing selected, same cells.
        let stored = Self.items.enumerated().map { index, item in
            StoredDetection(id: Int64(index + 1), answerID: 1, imagePath: image.path, imageSize: Self.size,
                            detection: Detection(label: item.label, kind: .box, box: item.box, sourceIndex: index),
                            review: index == 0 ? .rejected : .pending)
        }
        let service = GraphicsPreviewService(renderer: SixelRenderer(), cellSize: PixelSize(width: 10, height: 20))
        let key = PictureKey(image: image.path, area: Rect(x: 0, y: 0, width: 40, height: 15), detections: stored,
                             selectedDetection: nil, boxes: true, masks: true, labels: true, zoomed: false, theme: 0)
        let box = try await PicturePipeline.run(key: key, service: service, cache: PreviewCache(service: service))
        guard case .graphics(let output) = box.rendered else { Issue.record("a sixel picture"); return }
        let shown = try ViewCommandTests().decodeSixel(String(decoding: output.bytes, as: UTF8.self))
        #expect(shown.size == printed.size)

        // Sample each box's left edge at mid-height (display pixels are half the image's).
        func edge(_ bitmap: Bitmap, _ index: Int) -> RGBA {
            let b = Self.items[index].box
            return bitmap[Int(b.x0) / 2, Int(b.y0 + b.y1) / 4]
        }
        func distance(_ a: RGBA, _ b: RGBA) -> Int { abs(Int(a.r) - Int(b.r)) + abs(Int(a.g) - Int(b.g)) + abs(Int(a.b) - Int(b.b)) }
        let rule = Detection.colors(forLabels: Self.items.map(\.label))
        for index in 1..<Self.items.count {
            let tui = edge(shown, index), cli = edge(printed, index)
            #expect(distance(tui, cli) <= 24, "\(Self.items[index].label): TUI \(tui) vs view \(cli)")
            #expect(distance(tui, rule[index]) <= 36, "\(Self.items[index].label): \(tui) is the rule's \(rule[index])")
        }
        #expect(distance(edge(shown, 1), edge(shown, 3)) <= 12, "both cups alike")
        #expect(distance(edge(shown, 1), edge(shown, 2)) > 60, "cup and plate differ")
        #expect(distance(edge(shown, 0), RGBA(128, 128, 128)) <= 12, "the rejected fork is hidden in the TUI")
        #expect(distance(edge(printed, 0), RGBA(128, 128, 128)) > 60, "and drawn by squint view")
    }
}
