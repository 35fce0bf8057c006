import Imaging
import Testing
@testable import SquintCore

/// Every real Gemini answer in the corpus, parsed and checked against a careful reading of it.
/// Pixel values are computed by hand as v / 1000 × size (the sizes are the images the answers refer to, or
/// a plausible one: coordinates are relative, so any size checks the arithmetic).
@Suite("SpatialParser on the real answers in the corpus")
struct SpatialCorpusTests {
    static let cupcakes = PixelSize(width: 1024, height: 768)
    static let socks = PixelSize(width: 640, height: 482)
    static let spill = PixelSize(width: 640, height: 480)

    /// Boxes only: masks are checked in `SpatialMaskTests`.
    let parser = SpatialParser(maskDecoder: nil)

    func parse(_ name: String, _ size: PixelSize) throws -> SpatialResult {
        parser.parse(try TestPaths.response(name), imageSize: size)
    }

    @Test("every corpus file gives detections and drops nothing")
    func everyFileParses() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: TestPaths.responses.path).filter { $0.hasSuffix(".txt") }
        #expect(names.count == 17)
        for name in names {
            let result = try parse(name, Self.cupcakes)
            #expect(!result.detections.isEmpty, "\(name)")
            #expect(result.droppedCount == 0, "\(name)")
            let unexpected = result.warnings.filter { !$0.contains("mask") }
            #expect(unexpected.isEmpty, "\(name): \(unexpected)")
        }
    }

    @Test("3d cell20: ten points, [y, x] order")
    func toolPoints() throws {
        let result = try parse("Spatial_understanding_3d__cell20__0ea7974e.txt", PixelSize(width: 800, height: 450))
        #expect(result.detections.count == 10)
        #expect(result.detections.allSatisfy { $0.kind == .point && $0.box == nil })
        #expect(result.detections.map(\.label) == ["handle", "screw", "clamp arm", "clamp arm", "3 inch", "screw", "screw", "screw", "handle", "handle"])
        // [130, 760] → x = 760 × 0.8 = 608, y = 130 × 0.45 = 58.5
        #expect(result.detections[0].point == PixelPoint(x: 608, y: 58.5))
        // [452, 852] → x = 681.6, y = 203.4
        #expect(result.detections[9].point == PixelPoint(x: 681.6, y: 203.4))
        #expect(result.warnings.isEmpty)
    }

    @Test("cell28 (2.5 flash): fifteen cupcake boxes")
    func cupcakes25Flash() throws {
        let result = try parse("Spatial_understanding__cell28__89dc873f.txt", Self.cupcakes)
        #expect(result.detections.count == 15)
        #expect(result.detections.first?.label == "red sprinkles")
        #expect(result.detections.last?.label == "white frosting with googly eyes")
        // [390, 64, 574, 203] → x0 = 64 × 1.024, y0 = 390 × 0.768, …
        #expect(result.detections[0].box == PixelBox(x0: 65.536, y0: 299.52, x1: 207.872, y1: 440.832))
        // [743, 133, 921, 307]
        #expect(result.detections[14].box == PixelBox(x0: 136.192, y0: 570.624, x1: 314.368, y1: 707.328))
        #expect(result.warnings.isEmpty)
    }

    @Test("cell28 (2.0 flash): thirteen cupcake boxes")
    func cupcakes20Flash() throws {
        let result = try parse("Spatial_understanding__cell28__b9ba9e57.txt", Self.cupcakes)
        #expect(result.detections.count == 13)
        #expect(result.detections.filter { $0.label == "googly eyes" }.count == 4)
        // [384, 65, 562, 203]
        #expect(result.detections[0].box == PixelBox(x0: 66.56, y0: 294.912, x1: 207.872, y1: 431.616))
    }

    @Test("cell29 (3 flash): no code fence at all")
    func cupcakesNoFence() throws {
        let result = try parse("Spatial_understanding__cell29__b5d7c0a0.txt", Self.cupcakes)
        #expect(result.detections.count == 13)
        #expect(result.detections.last?.label == "monster topping with eyes (bottom left)")
        // [742, 134, 922, 308]
        #expect(result.detections[12].box == PixelBox(x0: 137.216, y0: 569.856, x1: 315.392, y1: 708.096))
        #expect(result.warnings.isEmpty)
    }

    @Test("cell29 (2.5 pro): thirteen boxes")
    func cupcakes25Pro() throws {
        let result = try parse("Spatial_understanding__cell29__cd8b861a.txt", Self.cupcakes)
        #expect(result.detections.count == 13)
        #expect(result.detections[3].label == "pink frosting with googly eyes")
        // [744, 133, 923, 309]
        #expect(result.detections[11].box == PixelBox(x0: 136.192, y0: 571.392, x1: 316.416, y1: 708.864))
    }

    @Test("socks answers ignore the trailing (640, 482) line", arguments: [
        ("Spatial_understanding__cell32__89dc873f.txt", "light blue sock with cat face on left", PixelBox(x0: 157.44, y0: 22.172, x1: 336.64, y1: 185.57)),
        ("Spatial_understanding__cell32__b9ba9e57.txt", "sock with face", PixelBox(x0: 158.72, y0: 25.546, x1: 337.28, y1: 187.016)),
        ("Spatial_understanding__cell33__cd8b861a.txt", "light blue sock with face on left", PixelBox(x0: 158.08, y0: 27.474, x1: 337.28, y1: 185.57)),
    ])
    func socks(name: String, firstLabel: String, firstBox: PixelBox) throws {
        let result = try parse(name, Self.socks)
        #expect(result.detections.count == 2)
        #expect(result.detections[0].label == firstLabel)
        #expect(result.detections[0].box == firstBox)
        #expect(result.warnings.isEmpty)
    }

    @Test("cell32 (2.0 flash): the right sock, by hand")
    func rightSock() throws {
        let result = try parse("Spatial_understanding__cell32__b9ba9e57.txt", Self.socks)
        // [236, 662, 653, 862] → x0 = 662 × 0.64, y0 = 236 × 0.482, x1 = 862 × 0.64, y1 = 653 × 0.482
        #expect(result.detections[1].box == PixelBox(x0: 423.68, y0: 113.752, x1: 551.68, y1: 314.746))
    }

    @Test("spill answers: the Python repr and its decoded text give the same detections", arguments: [
        ("Spatial_understanding__cell40__89dc873f", 6),
        ("Spatial_understanding__cell40__b9ba9e57", 4),
        ("Spatial_understanding__cell41__cd8b861a", 2),
    ])
    func reprMatchesDecoded(stem: String, count: Int) throws {
        let repr = try parse(stem + ".txt", Self.spill)
        let decoded = try parse(stem + "__decoded.txt", Self.spill)
        #expect(repr.detections.count == count)
        #expect(repr == decoded)
        #expect(repr.warnings.isEmpty)
    }

    @Test("cell40 (2.0 flash): prose around the fence, boxes touching the edge")
    func spillWithProse() throws {
        let result = try parse("Spatial_understanding__cell40__b9ba9e57.txt", Self.spill)
        #expect(result.detections.map(\.label) == ["pink cloth", "sugar bowl", "spill", "sugar container"])
        // [447, 0, 1000, 418] → x0 = 0, y0 = 447 × 0.48, x1 = 418 × 0.64, y1 = 480
        #expect(result.detections[0].box == PixelBox(x0: 0, y0: 214.56, x1: 267.52, y1: 480))
        // [0, 465, 325, 807]
        #expect(result.detections[3].box == PixelBox(x0: 297.6, y0: 0, x1: 516.48, y1: 156))
    }

    @Test("cell40 (2.5 flash): long explanation labels, a box over the whole width")
    func spillLongLabels() throws {
        let result = try parse("Spatial_understanding__cell40__89dc873f.txt", Self.spill)
        #expect(result.detections[0].label == "Use this cloth to absorb the spilled liquid by gently dabbing or wiping the area.")
        // [447, 0, 992, 420]
        #expect(result.detections[0].box == PixelBox(x0: 0, y0: 214.56, x1: 268.8, y1: 476.16))
        // [182, 0, 998, 1000]
        #expect(result.detections[5].box == PixelBox(x0: 0, y0: 87.36, x1: 640, y1: 479.04))
    }

    @Test("cell41 (2.5 pro): two instructions")
    func spillPro() throws {
        let result = try parse("Spatial_understanding__cell41__cd8b861a.txt", Self.spill)
        #expect(result.detections.map(\.label) == ["Wipe up this liquid spill.", "Use this cloth to wipe the spill."])
        // [467, 0, 1000, 425]
        #expect(result.detections[1].box == PixelBox(x0: 0, y0: 224.16, x1: 272, y1: 480))
    }

    @Test("cell45 segmentation answers: every item has a box and a mask string", arguments: [
        ("Spatial_understanding__cell45__89dc873f.txt", 15, "glass jar with sprinkles", "wooden spoon"),
        ("Spatial_understanding__cell45__cd8b861a.txt", 20, "metal shaker", "wooden utensil"),
    ])
    func segmentationBoxes(name: String, count: Int, first: String, last: String) throws {
        let result = try parse(name, Self.cupcakes)
        #expect(result.detections.count == count)
        #expect(result.detections.first?.label == first)
        #expect(result.detections.last?.label == last)
        // Without a mask decoder each mask is dropped with its own warning, the box kept.
        #expect(result.warnings.count == count)
        #expect(result.detections.allSatisfy { $0.kind == .box })
    }

    @Test("cell45 (2.5 flash): boxes by hand, identical boxes kept as two items")
    func segmentationGeometry() throws {
        let result = try parse("Spatial_understanding__cell45__89dc873f.txt", Self.cupcakes)
        // [168, 97, 360, 228]
        #expect(result.detections[0].box == PixelBox(x0: 99.328, y0: 129.024, x1: 233.472, y1: 276.48))
        let shared = result.detections.filter { $0.box2D == [272, 296, 376, 396] }
        #expect(shared.count == 2)
        #expect(result.detections.filter { $0.box2D == [260, 699, 431, 810] }.count == 2)
    }

    @Test("cell46 (3 flash): segment prompt answered with boxes only")
    func segmentAnsweredWithBoxes() throws {
        let result = try parse("Spatial_understanding__cell46__b5d7c0a0.txt", Self.cupcakes)
        #expect(result.detections.count == 13)
        #expect(result.detections.allSatisfy { $0.kind == .box && $0.mask == nil })
        #expect(result.detections[0].label == "chocolate cupcake with red sprinkles")
        // [510, 798, 689, 960]
        #expect(result.detections[12].box == PixelBox(x0: 817.152, y0: 391.68, x1: 983.04, y1: 529.152))
        #expect(result.warnings.isEmpty)
    }
}

import Foundation
